import type { Platform, Role } from '../../api/types.js';
import { t } from '../../i18n/i18n.js';

const platforms: readonly Platform[] = ['tmall', 'taobao', 'pdd', 'jd', 'douyin'];

export const platformLabel = (platform: Platform): string => t(`platform.${platform}`);

export const platformOptions = platforms.map((value) => ({ value, label: platformLabel(value) }));

export const roles: readonly Role[] = ['admin', 'supervisor', 'agent'];

export const roleLabel = (role: Role): string => t(`role.${role}`);
