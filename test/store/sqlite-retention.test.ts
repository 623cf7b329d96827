import { sqliteHarness } from '../support/sqlite-store.ts';
import { retentionConformance } from './retention.conformance.ts';

retentionConformance('SQLite', sqliteHarness({ key: new Uint8Array(32).fill(9), prefix: 'bewaarder-retention-store-' }));
