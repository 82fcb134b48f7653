import type { Kysely } from 'kysely';

/** One schema change. Migrations see an untyped database: they describe the schema at their time. */
export type Migration = {
  name: string;
  up: (db: Kysely<unknown>) => Promise<void>;
  down?: (db: Kysely<unknown>) => Promise<void>;
};
