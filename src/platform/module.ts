import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/database.ts';
import type { Localized } from './i18n/localized.ts';

export type KoersApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type SeedContext = { db: Db; region: string; dataDir: string; report: (line: string) => void };
export type SeedResult = { step: string; inserted: number; unchanged: number };

// What a module contributes to the platform. `tile` is set only once the module works for users:
// the portal shows a tile for every module that has one.
export interface KoersModule {
  id: string;
  migrationsDir?: string;
  routes?: (app: KoersApp, deps: { db: Db }) => Promise<void>;
  seed?: (ctx: SeedContext) => Promise<SeedResult[]>;
  tile?: { path: string; title: Localized; summary: Localized };
}
