import { hasPermission, type Permission } from '../../domain/accounts/index.js';
import { accountsErrors } from './accounts.errors.js';
import type { Actor } from './accounts.types.js';

/** Throws auth.forbidden unless the actor's role holds `permission` (the routes check it too). */
export const authorize = (actor: Actor, permission: Permission): void => {
  if (!hasPermission(actor.role, permission)) throw accountsErrors.forbidden();
};

/** PostgreSQL's unique_violation, the same code on PGlite and on a server. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
