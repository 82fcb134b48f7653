import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

// Embedded PGlite has one session. The usual driver hands it to one caller at a time, so while an
// import's transaction runs (seconds, minutes) every other query of the server waits: sign-in
// checks, the import's own progress poll, the dashboard. This driver locks the session per
// statement, and per transaction from begin to its end. A plain read (a select that locks nothing)
// that has waited `shareAfterMs` for a transaction runs inside it, between two of its statements,
// in a savepoint so its failure cannot break the transaction. Such a read sees the transaction's
// rows before they are committed (a rejected import's rows, until it ends); a transaction that
// ends within `shareAfterMs` (most use-cases' do) never shares, so its readers keep PostgreSQL's
// read-committed view. Writes, and reads that lock rows, always wait.

/** A first-come first-served lock whose waiters may give up. */
class Lock {
  #held = false;
  #waiters: { grant: () => void; active: boolean }[] = [];

  /** Resolves true once the lock is taken, or false when `withinMs` passed first (then not taken). */
  take(withinMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = { grant: () => resolve(true), active: true };
      this.#waiters.push(waiter);
      if (Number.isFinite(withinMs))
        setTimeout(() => {
          if (!waiter.active) return;
          waiter.active = false;
          resolve(false);
        }, withinMs);
    });
  }

  release() {
    for (let next = this.#waiters.shift(); next; next = this.#waiters.shift()) {
      if (!next.active) continue;
      next.active = false;
      next.grant();
      return;
    }
    this.#held = false;
  }
}

const lockingRead = /\bfor\s+(update|no\s+key\s+update|share|key\s+share)\b|pg_advisory|set_config|nextval/i;

/** A select that neither writes nor locks: safe to run inside another caller's transaction. */
const isPlainRead = (query: CompiledQuery) => /^\s*select\b/i.test(query.sql) && !lockingRead.test(query.sql);

class SharedReadsDriver implements Driver {
  // The session: held by a transaction from begin to commit or rollback, or by one statement.
  readonly session = new Lock();
  // One statement (or one savepoint-wrapped read) at a time on the session.
  readonly statement = new Lock();
  #inTransaction = false;

  constructor(
    readonly pglite: PGlite,
    readonly shareAfterMs: number,
  ) {}

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SharedReadsConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await this.session.take();
    this.#inTransaction = true;
    (connection as SharedReadsConnection).inTransaction = true;
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await this.run(CompiledQuery.raw(`start transaction${level}`));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await this.#end(connection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await this.#end(connection, 'rollback');
  }

  async #end(connection: DatabaseConnection, command: 'commit' | 'rollback') {
    try {
      await this.run(CompiledQuery.raw(command));
    } finally {
      this.#inTransaction = false;
      (connection as SharedReadsConnection).inTransaction = false;
      this.session.release();
    }
  }

  async releaseConnection() {}

  async destroy() {
    await this.pglite.close();
  }

  /** Runs one statement on the session, after the statement before it. */
  async run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.statement.take();
    try {
      return toResult(await this.pglite.query<R>(query.sql, [...query.parameters]));
    } finally {
      this.statement.release();
    }
  }

  /** An autocommit statement: alone on the session, or (a plain read) inside a long transaction. */
  async alone<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const read = isPlainRead(query);
    for (;;) {
      if (await this.session.take(read ? this.shareAfterMs : undefined)) {
        try {
          return await this.run<R>(query);
        } finally {
          this.session.release();
        }
      }
      if (this.#inTransaction) {
        const shared = await this.#readInside<R>(query);
        if (shared) return shared.result;
      }
    }
  }

  /** Runs a read between the statements of the open transaction; undefined when it has ended or failed. */
  async #readInside<R>(query: CompiledQuery): Promise<{ result: QueryResult<R> } | undefined> {
    await this.statement.take();
    try {
      if (!this.#inTransaction) return undefined;
      try {
        await this.pglite.query('savepoint kefu_shared_read');
      } catch {
        // The transaction already failed: wait for its end like a write.
        return undefined;
      }
      try {
        const result = toResult(await this.pglite.query<R>(query.sql, [...query.parameters]));
        await this.pglite.query('release savepoint kefu_shared_read');
        return { result };
      } catch (error) {
        // Undo the failed read alone; the transaction goes on as if it had not run.
        await this.pglite.exec('rollback to savepoint kefu_shared_read; release savepoint kefu_shared_read');
        throw error;
      }
    } finally {
      this.statement.release();
    }
  }
}

const toResult = <R>(result: { rows: R[]; affectedRows?: number }): QueryResult<R> =>
  result.affectedRows
    ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) }
    : { rows: result.rows };

class SharedReadsConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(readonly driver: SharedReadsDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.inTransaction ? this.driver.run<R>(query) : this.driver.alone<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query);
    for (let from = 0; from < rows.length; from += chunkSize)
      yield { rows: rows.slice(from, from + chunkSize) };
  }
}

/**
 * Kysely over one PGlite instance, where plain reads that waited `shareAfterMs` for a long
 * transaction run inside it instead of waiting for its end.
 */
export class SharedReadsPgliteDialect implements Dialect {
  constructor(
    readonly pglite: PGlite,
    readonly shareAfterMs = 50,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new SharedReadsDriver(this.pglite, this.shareAfterMs);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
