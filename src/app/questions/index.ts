export * from './questions.errors.js';
export * from './questions.import.js';
export * from './questions.papers.js';
export * from './questions.seed.js';
export * from './questions.usecases.js';
