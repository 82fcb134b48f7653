import { z } from 'zod';

/** One configuration key: what it means, how its environment value is parsed, its default. */
export type ConfigKey<T> = { doc: string; env: string; schema: z.ZodType<T>; default: T };

const key = <T>(definition: ConfigKey<T>): ConfigKey<T> => definition;

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'expected 1/0, true/false or yes/no' })
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const positiveInteger = z.coerce.number({ message: 'expected a whole number' }).int().positive();

/**
 * Every setting Kefu reads, grouped by area. The environment variable is the only source; the
 * default applies when it is unset. docs/configuration.md is generated from this table.
 */
export const configDefinition = {
  server: {
    port: key({
      doc: 'HTTP port the server listens on.',
      env: 'PORT',
      schema: z.coerce.number({ message: 'expected a port number' }).int().min(1).max(65_535),
      default: 3000,
    }),
    host: key({
      doc: 'Interface the server binds to (`0.0.0.0` = every interface, `127.0.0.1` = this machine only).',
      env: 'HOST',
      schema: z.string().min(1),
      default: '0.0.0.0',
    }),
    cookieSecure: key({
      doc: 'Mark the session cookie `Secure` (set to 1 when Kefu is served over HTTPS).',
      env: 'KEFU_COOKIE_SECURE',
      schema: booleanFromEnv,
      default: false,
    }),
    trustProxy: key({
      doc: 'Behind a reverse proxy, take the client address from X-Forwarded-For (set to 1), so sign-in throttling and the audit log see each client, not the proxy.',
      env: 'KEFU_TRUST_PROXY',
      schema: booleanFromEnv,
      default: false,
    }),
    logLevel: key({
      doc: 'Log level: fatal, error, warn, info, debug, trace or silent.',
      env: 'LOG_LEVEL',
      schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
      default: 'info',
    }),
  },
  store: {
    dataDir: key({
      doc: 'Folder for data kept on disk, including the embedded database (PGlite) when DATABASE_URL is unset.',
      env: 'KEFU_DATA_DIR',
      schema: z.string().min(1),
      default: './.kefu-data',
    }),
    databaseUrl: key<string | undefined>({
      doc: 'PostgreSQL URL (`postgres://user:password@host:5432/kefu`). Unset: embedded PGlite in `KEFU_DATA_DIR/pglite`; `memory://`: in-memory PGlite (lost on exit).',
      env: 'DATABASE_URL',
      schema: z
        .string()
        .regex(/^(postgres(ql)?|memory):\/\//, 'expected a postgres:// or memory:// URL')
        .optional(),
      default: undefined,
    }),
  },
  auth: {
    sessionTtlHours: key({
      doc: 'Hours a sign-in stays valid.',
      env: 'KEFU_SESSION_TTL_HOURS',
      schema: positiveInteger,
      default: 12,
    }),
    loginMaxFailures: key({
      doc: 'Failed sign-ins, for one login or from one IP address, after which further attempts are refused.',
      env: 'KEFU_LOGIN_MAX_FAILURES',
      schema: positiveInteger,
      default: 5,
    }),
    loginLockoutMinutes: key({
      doc: 'Window in minutes over which failures are counted, and how long the refusal lasts.',
      env: 'KEFU_LOGIN_LOCKOUT_MINUTES',
      schema: positiveInteger,
      default: 15,
    }),
  },
  exams: {
    sweepSeconds: key({
      doc: 'Seconds between sweeps that submit exam attempts whose time is up, also when no browser is open (the server checks the deadline on every request too).',
      env: 'KEFU_EXAM_SWEEP_SECONDS',
      schema: positiveInteger,
      default: 15,
    }),
  },
} as const;

type Definition = typeof configDefinition;
type ValueOf<K> = K extends ConfigKey<infer T> ? T : never;

/** The validated configuration, derived from the definition table. */
export type Config = { [S in keyof Definition]: { [K in keyof Definition[S]]: ValueOf<Definition[S][K]> } };
