import { accountsMigration } from './0001-accounts.js';
import type { Migration } from './migration.types.js';

export type { Migration } from './migration.types.js';

// Every migration, in the order it runs. Add a new one at the end; never reorder or rename.
export const migrations: Migration[] = [accountsMigration];
