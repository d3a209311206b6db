import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { HttpProblem, badRequest, conflict, notFound } from '../errors/problem.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { addUserInputSchema, type AddUserInput, type PublicUser } from './auth.schema.ts';
import { dummyPasswordHash, hashPassword, verifyPassword, type HashingCost } from './password.ts';
import * as sessions from './session.repository.ts';
import { findUserByEmail, findUserById, insertUser, listUserRows, setUserDisabled, type UserRow } from './user.repository.ts';

export type AuthSettings = { login: { max: number; windowSeconds: number }; sessionHours: number; hashing: HashingCost };
export type LoginRequest = { email: string; password: string; ip: string; userAgent: string | null; previousToken?: string; requestId?: string };

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function toPublicUser(u: UserRow): PublicUser {
  return { id: u.id, email: u.email, role: u.role, organisationId: u.organisation_id, providerId: u.provider_id };
}

const userActor = (u: PublicUser): Actor => ({ kind: 'user', userId: u.id, email: u.email });

export function createAuthService(db: Db, settings: AuthSettings) {
  // One address may fail `max` times per window; one IP, which may be shared, four times as often.
  async function assertNotThrottled(email: string, ip: string, now: Date) {
    const windowMs = settings.login.windowSeconds * 1000;
    const c = await sessions.countFailedAttempts(db, email, ip, new Date(now.getTime() - windowMs));
    const blocked: Date[] = [];
    if (c.byEmail >= settings.login.max && c.oldestEmail) blocked.push(c.oldestEmail);
    if (c.byIp >= settings.login.max * 4 && c.oldestIp) blocked.push(c.oldestIp);
    if (blocked.length === 0) return;
    const until = Math.max(...blocked.map((d) => d.getTime() + windowMs));
    const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new HttpProblem(
      429,
      'login-throttled',
      `Too many failed login attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      undefined,
      { 'retry-after': String(seconds) },
    );
  }

  return {
    async login(req: LoginRequest): Promise<{ user: PublicUser; token: string; expiresAt: Date }> {
      const now = new Date();
      await assertNotThrottled(req.email, req.ip, now);
      const row = await findUserByEmail(db, req.email);
      const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash(settings.hashing)), req.password);
      if (!row || !ok || row.disabled_at) {
        await sessions.insertLoginAttempt(db, { email: req.email, ip: req.ip, succeeded: false });
        throw new HttpProblem(401, 'login-failed', 'The email address or password is not correct.');
      }
      const user = toPublicUser(row);
      // A fresh id at every login (no session fixation); any session the browser brought ends.
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + settings.sessionHours * 3600_000);
      await db.transaction().execute(async (trx) => {
        if (req.previousToken) await sessions.deleteSession(trx, hashToken(req.previousToken));
        await sessions.deleteExpiredSessions(trx, now);
        await sessions.insertSession(trx, { id_hash: hashToken(token), user_id: user.id, expires_at: expiresAt, ip: req.ip, user_agent: req.userAgent });
        await sessions.deleteFailedAttempts(trx, req.email);
        await recordAudit(trx, { actor: userActor(user), action: 'login', entityType: 'user', entityId: user.id, before: null, after: { ip: req.ip }, requestId: req.requestId });
      });
      return { user, token, expiresAt };
    },

    async logout(token: string, requestId?: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await sessions.findSessionUser(trx, hashToken(token), new Date());
        await sessions.deleteSession(trx, hashToken(token));
        if (user) {
          await recordAudit(trx, { actor: userActor(toPublicUser(user)), action: 'logout', entityType: 'user', entityId: user.id, before: null, after: null, requestId });
        }
      });
    },

    async userForToken(token: string): Promise<PublicUser | null> {
      const row = await sessions.findSessionUser(db, hashToken(token), new Date());
      return row ? toPublicUser(row) : null;
    },

    async addUser(input: AddUserInput, actor: Actor): Promise<PublicUser> {
      const parsed = addUserInputSchema.safeParse(input);
      if (!parsed.success) {
        throw badRequest('The account is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })));
      }
      const u = parsed.data;
      const passwordHash = await hashPassword(u.password, settings.hashing);
      return db.transaction().execute(async (trx) => {
        if (await findUserByEmail(trx, u.email)) {
          throw conflict(`An account for ${u.email} exists already.`, [{ field: 'email', reason: 'is taken' }]);
        }
        const row = await insertUser(trx, { email: u.email, password_hash: passwordHash, role: u.role, organisation_id: u.organisationId ?? null, provider_id: u.providerId ?? null });
        const user = toPublicUser(row);
        await recordAudit(trx, { actor, action: 'create', entityType: 'user', entityId: user.id, before: null, after: user });
        return user;
      });
    },

    async listUsers(): Promise<Array<PublicUser & { disabled: boolean; createdAt: Date }>> {
      const rows = await listUserRows(db);
      return rows.map((r) => ({ ...toPublicUser(r), disabled: r.disabled_at !== null, createdAt: new Date(r.created_at) }));
    },

    /** Disables an account and ends its sessions at once. */
    async disableUser(who: { email: string } | { id: string }, actor: Actor): Promise<PublicUser> {
      return db.transaction().execute(async (trx) => {
        const row = 'email' in who ? await findUserByEmail(trx, who.email) : await findUserById(trx, who.id);
        if (!row) throw notFound(`No account for ${'email' in who ? who.email : who.id}.`);
        if (row.disabled_at) return toPublicUser(row);
        const updated = (await setUserDisabled(trx, row.id, new Date()))!;
        await sessions.deleteSessionsOfUser(trx, row.id);
        await recordAudit(trx, { actor, action: 'disable', entityType: 'user', entityId: row.id, before: { ...toPublicUser(row), disabled: false }, after: { ...toPublicUser(updated), disabled: true } });
        return toPublicUser(updated);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
