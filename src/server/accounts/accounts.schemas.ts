import { z } from 'zod';
import type { UserRecord } from '../../store/users.repository.js';
import type { ShopRecord, SubAccountRecord } from '../../store/shops.repository.js';
import type { TeamRecord } from '../../store/teams.repository.js';
import type { AuditEntryRecord } from '../../store/audit.repository.js';
import { roles } from '../../domain/accounts/index.js';
import { platforms } from '../../domain/shared/index.js';

// Reusable field schemas: the limits here are the API's limits, shared by every route of the area.
export const idField = z.uuid().describe('Id (uuid)');
export const loginField = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, '只能包含字母、数字和 . _ @ -')
  .describe('Login name (unique)');
export const displayNameField = z.string().trim().min(1).max(64);
export const nameField = z.string().trim().min(1).max(100);
export const passwordField = z.string().min(1).max(200);
export const roleField = z.enum(roles);
export const platformField = z.enum(platforms);
export const timeZoneField = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', '未知时区')
  .describe('IANA time zone, e.g. Asia/Shanghai');
export const idParams = z.strictObject({ id: idField });

const iso = z.string().describe('ISO-8601 time');

export const subAccountSchema = z.object({ id: z.string(), shopId: z.string(), name: z.string() });
export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: roleField,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  subAccounts: z.array(subAccountSchema),
  disabled: z.boolean(),
  certifiedAt: iso.nullable(),
  createdAt: iso,
  mustChangePassword: z
    .boolean()
    .describe('Set after a generated or reset password; the UI asks for a new one'),
});
export const shopSchema = z.object({
  id: z.string(),
  name: z.string(),
  platform: platformField,
  timeZone: z.string(),
  createdAt: iso,
});
export const teamSchema = z.object({ id: z.string(), name: z.string(), memberCount: z.number().int() });
export const auditEntrySchema = z.object({
  id: z.string(),
  at: iso,
  actorId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export const okSchema = z.object({ ok: z.literal(true) });

export const toUserDto = (user: UserRecord): z.infer<typeof userSchema> => ({
  id: user.id,
  login: user.login,
  displayName: user.displayName,
  role: roleField.parse(user.role),
  teamId: user.teamId,
  teamName: user.teamName,
  subAccounts: user.subAccounts,
  disabled: user.disabled,
  certifiedAt: user.certifiedAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
  mustChangePassword: user.mustChangePassword,
});

export const toShopDto = (shop: ShopRecord): z.infer<typeof shopSchema> => ({
  id: shop.id,
  name: shop.name,
  platform: platformField.parse(shop.platform),
  timeZone: shop.timeZone,
  createdAt: shop.createdAt.toISOString(),
});

export const toSubAccountDto = ({ id, shopId, name }: SubAccountRecord) => ({ id, shopId, name });
export const toTeamDto = ({ id, name, memberCount }: TeamRecord) => ({ id, name, memberCount });
export const toAuditEntryDto = (entry: AuditEntryRecord): z.infer<typeof auditEntrySchema> => ({
  id: entry.id,
  at: entry.at.toISOString(),
  actorId: entry.actorId,
  actorLogin: entry.actorLogin,
  action: entry.action,
  target: entry.target,
  details: entry.details,
  ip: entry.ip,
});
