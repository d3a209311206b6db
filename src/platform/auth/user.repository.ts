import type { Db } from '../db/database.ts';
import type { Role } from './auth.schema.ts';

export type UserRow = {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  organisation_id: string | null;
  provider_id: string | null;
  disabled_at: Date | null;
  created_at: Date;
};

const columns = ['id', 'email', 'password_hash', 'role', 'organisation_id', 'provider_id', 'disabled_at', 'created_at'] as const;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('koers_user')
    .select(columns)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst() as Promise<UserRow | undefined>;
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('koers_user').select(columns).where('id', '=', id).executeTakeFirst() as Promise<UserRow | undefined>;
}

export function listUserRows(db: Db): Promise<UserRow[]> {
  return db.selectFrom('koers_user').select(columns).orderBy('email').execute() as Promise<UserRow[]>;
}

export function insertUser(
  db: Db,
  user: { email: string; password_hash: string; role: Role; organisation_id: string | null; provider_id: string | null },
): Promise<UserRow> {
  return db.insertInto('koers_user').values(user).returning(columns).executeTakeFirstOrThrow() as Promise<UserRow>;
}

export function setUserDisabled(db: Db, id: string, at: Date | null): Promise<UserRow | undefined> {
  return db
    .updateTable('koers_user')
    .set({ disabled_at: at, updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst() as Promise<UserRow | undefined>;
}
