import { canManageRole, checkPassword, type Role } from '../../domain/accounts/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import { deleteUserSessions } from '../../store/sessions.repository.js';
import { listSubAccounts } from '../../store/shops.repository.js';
import { findTeam } from '../../store/teams.repository.js';
import {
  findUser,
  insertUser,
  listUsers as listUserRecords,
  loginExists,
  setUserSubAccounts,
  type UserFilter,
  type UserRecord,
  updateUser as updateUserRecord,
} from '../../store/users.repository.js';
import { passwordProblemText } from './accounts.auth.js';
import { recordAudit } from './accounts.audit.js';
import { authorize } from './accounts.authorize.js';
import { generatePassword, hashPassword } from './accounts.crypto.js';
import { accountsErrors } from './accounts.errors.js';
import type { AccountsDeps, Actor } from './accounts.types.js';

type Deps = Omit<AccountsDeps, 'config'> & { actor: Actor };

export const listUsers = async ({
  db,
  actor,
  filter,
}: Deps & { filter?: UserFilter }): Promise<UserRecord[]> => {
  authorize(actor, 'users.read');
  return listUserRecords({ db, organizationId: actor.organizationId, filter });
};

/** One user of the actor's organisation; agents may only read themselves. */
export const getUser = async ({ db, actor, id }: Deps & { id: string }): Promise<UserRecord> => {
  if (id !== actor.userId) authorize(actor, 'users.read');
  const user = await findUser({ db, organizationId: actor.organizationId, id });
  if (!user) throw accountsErrors.notFound('用户');
  return user;
};

const checkReferences = async (
  db: Db,
  actor: Actor,
  { teamId, subAccountIds }: { teamId?: string | null | undefined; subAccountIds?: string[] | undefined },
) => {
  if (teamId && !(await findTeam({ db, organizationId: actor.organizationId, id: teamId }))) {
    throw accountsErrors.invalidReference('body.teamId', '小组');
  }
  if (subAccountIds) {
    const unique = [...new Set(subAccountIds)];
    const found = await listSubAccounts({ db, organizationId: actor.organizationId, ids: unique });
    if (found.length !== unique.length) throw accountsErrors.invalidReference('body.subAccountIds', '子账号');
    return unique;
  }
  return undefined;
};

/** The user whom the actor wants to manage, refused unless the actor may manage their role. */
const manageableUser = async (db: Db, actor: Actor, id: string) => {
  authorize(actor, 'users.manage');
  const user = await findUser({ db, organizationId: actor.organizationId, id });
  if (!user) throw accountsErrors.notFound('用户');
  if (!canManageRole(actor.role, user.role as Role)) throw accountsErrors.forbidden();
  return user;
};

export type NewUserInput = {
  login: string;
  displayName: string;
  role: Role;
  teamId?: string | null | undefined;
  subAccountIds?: string[] | undefined;
  password?: string | undefined;
};

/**
 * Creates a user in the actor's organisation. Without a password a random one is generated,
 * returned once as `initialPassword`, and must be changed at first sign-in.
 */
export const createUser = async ({
  db,
  clock,
  actor,
  ...input
}: Deps & NewUserInput): Promise<{ user: UserRecord; initialPassword?: string }> => {
  authorize(actor, 'users.manage');
  if (!canManageRole(actor.role, input.role)) throw accountsErrors.forbidden();
  const subAccountIds = await checkReferences(db, actor, input);
  const problem =
    input.password === undefined
      ? undefined
      : checkPassword({ password: input.password, login: input.login })[0];
  if (problem) throw accountsErrors.weakPassword('body.password', passwordProblemText[problem]);
  if (await loginExists({ db, login: input.login }))
    throw accountsErrors.conflict('body.login', '登录名已被使用');
  const password = input.password ?? generatePassword();
  const initialPassword = input.password === undefined ? password : undefined;
  const passwordHash = await hashPassword(password);
  const id = await inTransaction(db, async (trx) => {
    const { id } = await insertUser({
      db: trx,
      user: {
        organizationId: actor.organizationId,
        login: input.login,
        displayName: input.displayName,
        role: input.role,
        teamId: input.teamId ?? null,
        passwordHash,
        mustChangePassword: initialPassword !== undefined,
        createdAt: clock.now(),
      },
    });
    if (subAccountIds) await setUserSubAccounts({ db: trx, userId: id, subAccountIds });
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'users.created',
      target: id,
      details: { login: input.login, role: input.role },
    });
    return id;
  });
  const user = await getUser({ db, clock, actor, id });
  return initialPassword === undefined ? { user } : { user, initialPassword };
};

export type UserUpdate = {
  displayName?: string | undefined;
  role?: Role | undefined;
  teamId?: string | null | undefined;
  subAccountIds?: string[] | undefined;
  disabled?: boolean | undefined;
};

/** Edits a user; supervisors edit agents only, and nobody changes their own role or disables themselves. */
export const updateUser = async ({
  db,
  clock,
  actor,
  id,
  ...changes
}: Deps & UserUpdate & { id: string }): Promise<UserRecord> => {
  const user = await manageableUser(db, actor, id);
  if (changes.role !== undefined && !canManageRole(actor.role, changes.role))
    throw accountsErrors.forbidden();
  if (
    id === actor.userId &&
    ((changes.role !== undefined && changes.role !== user.role) || changes.disabled)
  ) {
    throw accountsErrors.conflict(
      changes.disabled ? 'body.disabled' : 'body.role',
      '不能修改自己的角色或停用自己',
    );
  }
  const subAccountIds = await checkReferences(db, actor, changes);
  await inTransaction(db, async (trx) => {
    const { displayName, role, teamId, disabled } = changes;
    await updateUserRecord({ db: trx, id, changes: { displayName, role, teamId, disabled } });
    if (subAccountIds) await setUserSubAccounts({ db: trx, userId: id, subAccountIds });
    if (disabled) await deleteUserSessions({ db: trx, userId: id });
    if (role !== undefined && role !== user.role) {
      await recordAudit({
        db: trx,
        clock,
        actor,
        action: 'users.role_changed',
        target: id,
        details: { from: user.role, to: role },
      });
    }
    if (disabled !== undefined && disabled !== user.disabled) {
      await recordAudit({
        db: trx,
        clock,
        actor,
        action: disabled ? 'users.disabled' : 'users.enabled',
        target: id,
      });
    }
  });
  return getUser({ db, clock, actor, id });
};

/** Gives a user a new random password (returned once) and ends their sessions. */
export const resetPassword = async ({
  db,
  clock,
  actor,
  id,
}: Deps & { id: string }): Promise<{ password: string }> => {
  await manageableUser(db, actor, id);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await updateUserRecord({ db: trx, id, changes: { passwordHash, mustChangePassword: true } });
    await deleteUserSessions({ db: trx, userId: id });
    await recordAudit({ db: trx, clock, actor, action: 'users.password_reset', target: id });
  });
  return { password };
};
