import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import type { PublicUser } from '../../platform/auth/auth.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/problem.ts';
import * as repo from './plan.repository.ts';
import { assertMayReport } from './plan.service.ts';
import type { MilestoneInput, StakeholderInput, StatusInput } from './plan.schema.ts';

// The secretariat's work: approving reports, keeping the status catalogue and stakeholders, milestones.

export async function approveReport(db: Db, user: PublicUser, actor: Actor, reference: string, year: number) {
  return db.transaction().execute(async (trx) => {
    const report = await repo.findReport(trx, reference, year);
    if (!report) throw notFound(`Action ${reference} has no report for ${year}.`);
    if (!report.status_key) throw conflict('A report without a status cannot be approved.', [{ field: 'status', reason: 'is missing' }]);
    const approvedAt = new Date();
    await trx.updateTable('plan_report').set({ approved_by: user.id, approved_at: approvedAt }).where('reference', '=', reference).where('year', '=', year).execute();
    await recordAudit(trx, { actor, action: 'approve', entityType: 'plan_report', entityId: `${reference}/${year}`, before: { approvedAt: report.approved_at }, after: { approvedAt } });
    return { reference, year, approvedAt: approvedAt.toISOString() };
  });
}

export async function saveStatus(db: Db, actor: Actor, key: string, input: StatusInput) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findStatus(trx, key);
    const values = { name: JSON.stringify(input.name), default_progress: input.defaultProgress };
    if (before) await trx.updateTable('plan_status').set(values).where('key', '=', key).execute();
    else {
      const position = Number((await trx.selectFrom('plan_status').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst())?.p ?? -1) + 1;
      await trx.insertInto('plan_status').values({ key, position, ...values }).execute();
    }
    const after = { key, name: input.name, defaultProgress: input.defaultProgress };
    await recordAudit(trx, { actor, action: before ? 'update' : 'create', entityType: 'plan_status', entityId: key, before: before ? { key, name: before.name, defaultProgress: before.default_progress } : null, after });
    return after;
  });
}

export async function saveStakeholder(db: Db, actor: Actor, id: string, input: StakeholderInput) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('plan_stakeholder').selectAll().where('id', '=', id).executeTakeFirst();
    const values = { name: input.name, abbreviation: input.abbreviation, kind: input.kind };
    if (before) await trx.updateTable('plan_stakeholder').set(values).where('id', '=', id).execute();
    else await trx.insertInto('plan_stakeholder').values({ id, ...values, sources: '[]', note: null }).execute();
    const after = { id, ...values, sources: before?.sources ?? [] };
    await recordAudit(trx, { actor, action: before ? 'update' : 'create', entityType: 'plan_stakeholder', entityId: id, before: before ?? null, after });
    return after;
  });
}

export async function addMilestone(db: Db, user: PublicUser, actor: Actor, reference: string, input: MilestoneInput) {
  await assertMayReport(db, user, reference);
  if (input.date < '2020-01-01' || input.date > '2031-12-31') throw badRequest('The date lies outside the plan.', [{ field: 'body.date', reason: 'must fall within the plan period' }]);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('plan_milestone')
      .values({ reference, occurred_on: input.date, title: JSON.stringify(input.title), description: JSON.stringify(input.description), link: input.link })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'create', entityType: 'plan_milestone', entityId: String(row.id), before: null, after: { reference, ...input } });
    return { id: row.id, reference, ...input };
  });
}
