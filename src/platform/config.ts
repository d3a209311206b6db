import path from 'node:path';
import { z } from 'zod';

// One place that reads the environment; everything else receives a Config.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  KOERS_DATA_DIR: z.string().min(1).default('.koers'),
  DATABASE_URL: z.string().url().optional(),
  KOERS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KOERS_REGION: z.string().regex(/^[a-z][a-z0-9-]*$/).default('flanders'),
  KOERS_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  KOERS_LOGIN_MAX: z.coerce.number().int().min(1).default(5),
  KOERS_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  KOERS_SESSION_HOURS: z.coerce.number().int().min(1).default(12),
  // Raise these on strong servers; never below OWASP's argon2id minimum (19 MiB, 2 passes).
  KOERS_ARGON2_MEMORY_KIB: z.coerce.number().int().min(19456).default(65536),
  KOERS_ARGON2_PASSES: z.coerce.number().int().min(2).default(3),
  KOERS_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // Serve from this many processes (one per core): only on a PostgreSQL server, which every process
  // connects to; the embedded database lives inside one process.
  KOERS_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
}).refine((e) => e.KOERS_WORKERS === 1 || e.DATABASE_URL, {
  path: ['KOERS_WORKERS'],
  message: 'more than one process needs DATABASE_URL (the embedded database runs inside one process)',
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['KOERS_LOG_LEVEL'];
  region: string;
  bodyLimit: number;
  login: { max: number; windowSeconds: number };
  sessionHours: number;
  hashing: { memoryKiB: number; passes: number };
  trustProxy: boolean;
  workers: number;
  rootDir: string;
};

export const rootDir = path.resolve(import.meta.dirname, '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.KOERS_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.KOERS_LOG_LEVEL,
    region: e.KOERS_REGION,
    bodyLimit: e.KOERS_BODY_LIMIT,
    login: { max: e.KOERS_LOGIN_MAX, windowSeconds: e.KOERS_LOGIN_WINDOW_SECONDS },
    sessionHours: e.KOERS_SESSION_HOURS,
    hashing: { memoryKiB: e.KOERS_ARGON2_MEMORY_KIB, passes: e.KOERS_ARGON2_PASSES },
    trustProxy: e.KOERS_TRUST_PROXY === 'true',
    workers: e.KOERS_WORKERS,
    rootDir,
    ...overrides,
  };
}
