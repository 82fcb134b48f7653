export * from './accounts.audit.js';
export * from './accounts.audit-log.js';
export * from './accounts.auth.js';
export * from './accounts.errors.js';
export * from './accounts.shops.js';
export * from './accounts.teams.js';
export * from './accounts.types.js';
export * from './accounts.users.js';
