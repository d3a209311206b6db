import { z } from 'zod';

export const actorKinds = ['user', 'cli', 'seed', 'system'] as const;
export type Actor = { kind: (typeof actorKinds)[number]; userId: string | null; email: string | null };
export const systemActor = (kind: 'cli' | 'seed' | 'system'): Actor => ({ kind, userId: null, email: null });

export type AuditEntryInput = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId?: string | null;
};

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'cursor must be the nextCursor of a previous page')
    .optional(),
  entityType: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(200).optional(),
  actorEmail: z.string().min(1).max(320).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 8601 time of the change'),
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable(), kind: z.enum(actorKinds) }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
