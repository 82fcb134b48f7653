import { z } from 'zod';
import { permissions } from '../../domain/accounts/index.js';
import { passwordField, userSchema } from '../accounts/accounts.schemas.js';

export const loginBody = z.strictObject({
  login: z.string().trim().min(1).max(64),
  password: passwordField,
});
export const sessionResponse = z.object({
  user: userSchema,
  csrfToken: z.string(),
  permissions: z.array(z.enum(permissions)).describe('What the user may do, for the UI to hide the rest'),
});
export const changePasswordBody = z.strictObject({
  currentPassword: passwordField,
  newPassword: z.string().min(8, '至少 8 个字符').max(200),
});
