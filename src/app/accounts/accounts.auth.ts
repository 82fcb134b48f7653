import { checkPassword, decideLoginThrottle, isRole } from '../../domain/accounts/index.js';
import { inTransaction } from '../../store/database.js';
import {
  deleteLoginAttemptsBefore,
  insertLoginAttempt,
  listRecentLoginAttempts,
} from '../../store/login-attempts.repository.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findActiveSession,
  insertSession,
} from '../../store/sessions.repository.js';
import {
  findPasswordHash,
  findUser,
  findUserCredentials,
  type UserRecord,
  updateUser,
} from '../../store/users.repository.js';
import { recordAudit } from './accounts.audit.js';
import { decoyPasswordHash, hashPassword, hashToken, newToken, verifyPassword } from './accounts.crypto.js';
import { accountsErrors } from './accounts.errors.js';
import type { AccountsDeps, Actor } from './accounts.types.js';

export type SignedIn = { user: UserRecord; token: string; csrfToken: string; expiresAt: Date };

const refuseIfThrottled = async ({
  db,
  clock,
  config,
  login,
  ip,
}: AccountsDeps & { login: string; ip: string | null }) => {
  const now = clock.now();
  const settings = {
    maxFailures: config.auth.loginMaxFailures,
    lockoutMinutes: config.auth.loginLockoutMinutes,
  };
  const since = new Date(now.getTime() - settings.lockoutMinutes * 60_000);
  const attempts = await listRecentLoginAttempts({ db, login, ip, since });
  const decision = decideLoginThrottle({ login, ip, attempts, now, settings });
  if (decision.allowed) return;
  await recordAudit({
    db,
    clock,
    actor: { userId: null, organizationId: null, ip },
    action: 'auth.login_refused',
    target: login,
    details: { retryAfterSec: decision.retryAfterSec },
  });
  throw accountsErrors.rateLimited(decision.retryAfterSec);
};

/**
 * Signs a user in: refuses while the login or IP is throttled (even with the right password),
 * checks the password, records the attempt, and opens a session stored in the database.
 */
export const login = async (
  deps: AccountsDeps & { login: string; password: string; ip: string | null },
): Promise<SignedIn> => {
  const { db, clock, config, ip } = deps;
  await refuseIfThrottled({ ...deps, login: deps.login });
  const credentials = await findUserCredentials({ db, login: deps.login });
  const matches = await verifyPassword(
    deps.password,
    credentials?.passwordHash ?? (await decoyPasswordHash()),
  );
  const success = Boolean(credentials && matches && !credentials.disabled);
  const now = clock.now();
  await insertLoginAttempt({ db, attempt: { login: deps.login, ip, at: now, success } });
  if (!credentials || !success) {
    await recordAudit({
      db,
      clock,
      actor: { userId: null, organizationId: credentials?.organizationId ?? null, ip },
      action: 'auth.login_failed',
      target: deps.login,
      details: { reason: credentials?.disabled ? 'disabled' : 'invalid_credentials' },
    });
    throw accountsErrors.invalidCredentials();
  }
  // Housekeeping on each sign-in keeps both tables small without a scheduler.
  await deleteExpiredSessions({ db, now });
  await deleteLoginAttemptsBefore({
    db,
    before: new Date(now.getTime() - config.auth.loginLockoutMinutes * 60_000),
  });
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + config.auth.sessionTtlHours * 3_600_000);
  await insertSession({
    db,
    session: { id: hashToken(token), userId: credentials.id, csrfToken, expiresAt, createdAt: now, ip },
  });
  const actor = { userId: credentials.id, organizationId: credentials.organizationId, ip };
  await recordAudit({ db, clock, actor, action: 'auth.login', target: deps.login });
  const user = await findUser({ db, organizationId: credentials.organizationId, id: credentials.id });
  if (!user) throw accountsErrors.invalidCredentials();
  return { user, token, csrfToken, expiresAt };
};

/** `mustChangePassword`: a one-time or reset password is in use; only the password change is open. */
export type Authenticated = {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  mustChangePassword: boolean;
};

/** The signed-in user behind a session cookie token, or undefined when unknown, expired or disabled. */
export const authenticate = async ({
  db,
  clock,
  token,
  ip,
}: Omit<AccountsDeps, 'config'> & { token: string; ip: string | null }): Promise<
  Authenticated | undefined
> => {
  const session = await findActiveSession({ db, id: hashToken(token), now: clock.now() });
  if (!session || session.disabled || !isRole(session.role)) return undefined;
  const actor: Actor = {
    userId: session.userId,
    login: session.login,
    organizationId: session.organizationId,
    role: session.role,
    ip,
  };
  return {
    actor,
    csrfToken: session.csrfToken,
    sessionId: session.id,
    mustChangePassword: session.mustChangePassword,
  };
};

/** Ends one session. */
export const logout = async ({
  db,
  clock,
  actor,
  sessionId,
}: Omit<AccountsDeps, 'config'> & { actor: Actor; sessionId: string }) => {
  await deleteSession({ db, id: sessionId });
  await recordAudit({ db, clock, actor, action: 'auth.logout', target: actor.login });
};

/** The signed-in user's own profile. */
export const me = async ({ db, actor }: { db: AccountsDeps['db']; actor: Actor }): Promise<UserRecord> => {
  const user = actor.userId
    ? await findUser({ db, organizationId: actor.organizationId, id: actor.userId })
    : undefined;
  if (!user) throw accountsErrors.unauthenticated();
  return user;
};

/** Changes the signed-in user's password after checking the current one; other sessions end. */
export const changePassword = async ({
  db,
  clock,
  actor,
  sessionId,
  currentPassword,
  newPassword,
}: Omit<AccountsDeps, 'config'> & {
  actor: Actor;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}) => {
  if (!actor.userId) throw accountsErrors.unauthenticated();
  const userId = actor.userId;
  const stored = await findPasswordHash({ db, id: userId });
  if (!stored || !(await verifyPassword(currentPassword, stored)))
    throw accountsErrors.wrongCurrentPassword();
  const problem = checkPassword({ password: newPassword, login: actor.login })[0];
  if (problem) throw accountsErrors.weakPassword('body.newPassword', passwordProblemText[problem]);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    await updateUser({ db: trx, id: userId, changes: { passwordHash, mustChangePassword: false } });
    await deleteUserSessions({ db: trx, userId, keep: sessionId });
    await recordAudit({ db: trx, clock, actor, action: 'users.password_changed', target: actor.login });
  });
};

export const passwordProblemText = {
  too_short: '至少 8 个字符',
  too_long: '不能超过 200 个字符',
  same_as_login: '不能与登录名相同',
} as const;
