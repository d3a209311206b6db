import type { Db } from '../db/database.ts';
import type { UserRow } from './user.repository.ts';

export async function insertSession(
  db: Db,
  s: { id_hash: string; user_id: string; expires_at: Date; ip: string | null; user_agent: string | null },
): Promise<void> {
  await db.insertInto('auth_session').values(s).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<{ user_id: string } | undefined> {
  return db.deleteFrom('auth_session').where('id_hash', '=', idHash).returning('user_id').executeTakeFirst();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('auth_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The live session's user; expired sessions and disabled accounts give nothing. */
export function findSessionUser(db: Db, idHash: string, now: Date): Promise<UserRow | undefined> {
  return db
    .selectFrom('auth_session as s')
    .innerJoin('koers_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.password_hash', 'u.role', 'u.organisation_id', 'u.provider_id', 'u.disabled_at', 'u.created_at'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst() as Promise<UserRow | undefined>;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('auth_session').where('expires_at', '<=', now).execute();
}

export async function insertLoginAttempt(db: Db, a: { email: string; ip: string; succeeded: boolean }): Promise<void> {
  await db.insertInto('login_attempt').values(a).execute();
}

/** Failed attempts since `since`, for one address and for one IP, and the oldest of each. */
export async function countFailedAttempts(db: Db, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('email', '=', email).as('by_email'),
      eb.fn.min('at').filterWhere('email', '=', email).as('oldest_email'),
      eb.fn.count<number>('id').filterWhere('ip', '=', ip).as('by_ip'),
      eb.fn.min('at').filterWhere('ip', '=', ip).as('oldest_ip'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return {
    byEmail: Number(row.by_email),
    byIp: Number(row.by_ip),
    oldestEmail: row.oldest_email ? new Date(row.oldest_email as Date) : null,
    oldestIp: row.oldest_ip ? new Date(row.oldest_ip as Date) : null,
  };
}

export async function deleteFailedAttempts(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('email', '=', email).execute();
}
