import { type Actor, AppError } from '../app/accounts/index.js';
import type { Db } from '../store/database.js';
import { findFirstOrganization } from '../store/organizations.repository.js';
import { listShops } from '../store/shops.repository.js';
import { CliError } from './cli.io.js';
import { withMigratedDatabase } from './db.command.js';

/**
 * The actor of a command run by the server's owner: the installation's organisation, with admin
 * rights and no user (the audit log records `kefu-cli`).
 */
export const cliActor = async (db: Db): Promise<Actor> => {
  const organization = await findFirstOrganization({ db });
  if (!organization) throw new CliError('no organisation yet: start Kefu once (kefu serve) or run kefu demo');
  return { userId: null, login: 'kefu-cli', organizationId: organization.id, role: 'admin', ip: null };
};

/** An application error as a command prints it: the message, then each detail's path and reason. */
export const describeAppError = (error: AppError): string =>
  [error.message, ...error.details.map((detail) => `${detail.path}: ${detail.message}`)].join('\n  ');

/** Runs `work` as the server's owner on the configured database; application errors become CLI errors. */
export const asOwner = <T>(work: (deps: { db: Db; actor: Actor }) => Promise<T>) =>
  withMigratedDatabase(async ({ db }) => {
    const actor = await cliActor(db);
    try {
      return await work({ db, actor });
    } catch (error) {
      if (error instanceof AppError) throw new CliError(describeAppError(error));
      throw error;
    }
  });

/** The id of the organisation's shop named by `--shop`, if one was given; an unknown name is an error. */
export async function shopIdNamed(db: Db, actor: Actor, name: string): Promise<string>;
export async function shopIdNamed(
  db: Db,
  actor: Actor,
  name: string | undefined,
): Promise<string | undefined>;
export async function shopIdNamed(db: Db, actor: Actor, name: string | undefined) {
  if (name === undefined) return undefined;
  const shop = (await listShops({ db, organizationId: actor.organizationId })).find(
    (one) => one.name === name,
  );
  if (!shop) throw new CliError(`no shop named "${name}"`);
  return shop.id;
}
