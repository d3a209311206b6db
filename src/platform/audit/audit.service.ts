import type { Db } from '../db/database.ts';
import { findAuditEntries, insertAuditEntry } from './audit.repository.ts';
import type { Actor, AuditEntryInput, AuditPage, AuditQuery } from './audit.schema.ts';

// Secrets never reach the audit log, whatever an entity carries.
const secretKeys = new Set(['password', 'password_hash', 'passwordHash', 'token', 'id_hash']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretKeys.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/**
 * Records one change. Call it with the transaction that makes the change, so that the change and
 * its audit entry are written together or not at all.
 */
export async function recordAudit(trx: Db, entry: AuditEntryInput): Promise<void> {
  await insertAuditEntry(trx, { ...entry, before: redact(entry.before), after: redact(entry.after) });
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const rows = await findAuditEntries(db, query);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: { id: r.actor_id, email: r.actor_email, kind: r.actor_kind as Actor['kind'] },
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.request_id,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}
