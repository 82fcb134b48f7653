import { type Config, type ConfigKey, configDefinition } from './config.schema.js';

export type { Config } from './config.schema.js';

/** A configuration value that cannot be used, named by its environment variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Section = Record<string, ConfigKey<unknown>>;

type KeyResult = { ok: true; value: unknown } | { ok: false; problem: string };

const readKey = (definition: ConfigKey<unknown>, env: Record<string, string | undefined>): KeyResult => {
  const raw = env[definition.env];
  if (raw === undefined || raw === '') return { ok: true, value: definition.default };
  const parsed = definition.schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
  return { ok: false, problem: `${definition.env}=${JSON.stringify(raw)}: ${reason}` };
};

/**
 * Reads and validates every key from `env` (the process environment in production, a plain object in
 * tests). Throws a ConfigError listing each bad variable by name.
 */
export const loadConfig = ({ env }: { env: Record<string, string | undefined> }): Config => {
  const problems: string[] = [];
  const config: Record<string, Record<string, unknown>> = {};
  for (const [sectionName, section] of Object.entries(configDefinition as Record<string, Section>)) {
    const values: Record<string, unknown> = {};
    for (const [name, definition] of Object.entries(section)) {
      const result = readKey(definition, env);
      if (result.ok) values[name] = result.value;
      else problems.push(result.problem);
    }
    config[sectionName] = values;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // The loop fills exactly the sections and keys of configDefinition, which is what Config describes.
  return config as Config;
};
