import type { ColumnType, Generated } from 'kysely';

// Tables as Kysely sees them. SQL names are snake_case; the CamelCasePlugin in database.ts maps them
// to the camelCase names below, so this file is the single source for column names in TypeScript.

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type OrganizationsTable = {
  id: Generated<string>;
  name: string;
  demo: Generated<boolean>;
  createdAt: CreatedAt;
};

export type ShopsTable = {
  id: Generated<string>;
  organizationId: string;
  platform: string;
  name: string;
  timeZone: Generated<string>;
  createdAt: CreatedAt;
};

export type SubAccountsTable = {
  id: Generated<string>;
  shopId: string;
  name: string;
  createdAt: CreatedAt;
};

export type TeamsTable = {
  id: Generated<string>;
  organizationId: string;
  name: string;
  createdAt: CreatedAt;
};

export type UsersTable = {
  id: Generated<string>;
  organizationId: string;
  login: string;
  displayName: string;
  role: string;
  teamId: string | null;
  passwordHash: string;
  disabled: Generated<boolean>;
  certifiedAt: Date | null;
  mustChangePassword: Generated<boolean>;
  createdAt: CreatedAt;
};

export type UserSubAccountsTable = {
  userId: string;
  subAccountId: string;
};

export type SessionsTable = {
  /** sha256 (hex) of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  createdAt: CreatedAt;
  ip: string | null;
};

export type LoginAttemptsTable = {
  id: Generated<string>;
  login: string;
  ip: string | null;
  at: Date;
  success: boolean;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: Date;
  organizationId: string | null;
  actorId: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  ip: string | null;
};

export type Database = {
  organizations: OrganizationsTable;
  shops: ShopsTable;
  subAccounts: SubAccountsTable;
  teams: TeamsTable;
  users: UsersTable;
  userSubAccounts: UserSubAccountsTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  auditLog: AuditLogTable;
};
