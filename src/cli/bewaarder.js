#!/usr/bin/env node
// The `bewaarder` executable: runs the TypeScript sources through tsx's loader (no build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('./bewaarder.ts');
