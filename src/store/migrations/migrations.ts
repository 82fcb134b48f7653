import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import type { Database } from '../schema.js';
import { type Migration, migrations as registeredMigrations } from './index.js';

/** Thrown when a migration fails; names the migration. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResult[],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Brings the database schema up to date with the registered migrations (idempotent: applied ones are
 * skipped). Used by start-up, `kefu db migrate` and tests. Returns the names applied now.
 */
export const runMigrations = async ({
  db,
  migrations = registeredMigrations,
}: {
  db: Kysely<Database>;
  migrations?: Migration[];
}): Promise<{ applied: string[] }> => {
  const migrator = new Migrator({
    db,
    provider: {
      // The explicit list, keyed by name; Kysely applies them in name order, hence the 0001- prefixes.
      getMigrations: async () =>
        Object.fromEntries(migrations.map((migration) => [migration.name, migration])),
    },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed} failed: ${reason}`, results);
  }
  return {
    applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName),
  };
};
