export * from './accounts.passwords.js';
export * from './accounts.permissions.js';
export * from './accounts.throttle.js';
