import { sqliteHarness } from '../support/sqlite-store.ts';
import { webConformance } from './web.conformance.ts';

webConformance('SQLite', sqliteHarness({ key: new Uint8Array(32).fill(5), prefix: 'bewaarder-web-store-' }));
