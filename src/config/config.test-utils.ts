import type { Config } from './config.js';
import { loadConfig } from './config.js';

type Overrides = { [S in keyof Config]?: Partial<Config[S]> };

/** The defaults (no environment), with `overrides` merged per section; for tests. */
export const overrideConfig = (overrides: Overrides = {}): Config => {
  const base = loadConfig({ env: {} });
  return {
    server: { ...base.server, ...overrides.server },
    store: { ...base.store, ...overrides.store },
    auth: { ...base.auth, ...overrides.auth },
    exams: { ...base.exams, ...overrides.exams },
  };
};
