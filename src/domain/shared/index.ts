export * from './issues.js';
export * from './platforms.js';
export * from './units.js';
