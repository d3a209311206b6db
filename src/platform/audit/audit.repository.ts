import type { Db } from '../db/database.ts';
import type { AuditEntryInput, AuditQuery } from './audit.schema.ts';

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function insertAuditEntry(db: Db, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actor.userId,
      actor_email: entry.actor.email,
      actor_kind: entry.actor.kind,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export async function findAuditEntries(db: Db, query: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit + 1);
  if (query.cursor) q = q.where('id', '<', Number(query.cursor));
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.actorEmail) q = q.where((eb) => eb(eb.fn('lower', ['actor_email']), '=', query.actorEmail!.toLowerCase()));
  return q.execute();
}
