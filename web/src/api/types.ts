import type { Permission, Role } from '../../../src/domain/accounts/index.js';
import type { Platform } from '../../../src/domain/shared/index.js';

export type { Permission, Platform, Role };

export type SubAccountRef = { id: string; name: string; shopId: string };

export type User = {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  subAccounts: SubAccountRef[];
  disabled: boolean;
  certifiedAt: string | null;
  createdAt: string;
  /** A one-time or reset password is in use: the server refuses everything but changing it. */
  mustChangePassword: boolean;
};

export type Shop = { id: string; name: string; platform: Platform; timeZone: string; createdAt: string };

export type SubAccount = { id: string; shopId: string; name: string };

export type Team = { id: string; name: string; memberCount: number };

/** The signed-in user, the CSRF token for mutations and what the user may do (for the UI to hide the rest). */
export type Session = { user: User; csrfToken: string; permissions: Permission[] };
