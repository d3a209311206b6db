import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { NONE, type ActionQuery } from './plan.schema.ts';

/** A filter list split into its codes and whether it also asks for "none recorded". */
const splitNone = (values: string[]) => ({ codes: values.filter((v) => v !== NONE), none: values.includes(NONE) });

// SQL for the plan's own tables. Rules (who may write, how progress rolls up) live in the service.

export const findMeta = (db: Db) => db.selectFrom('plan_meta').selectAll().executeTakeFirst();
export const findSources = (db: Db) => db.selectFrom('plan_source').selectAll().orderBy('id').execute();
export const findGoals = (db: Db) => db.selectFrom('plan_goal').selectAll().orderBy('position').execute();
export const findFlagships = (db: Db) => db.selectFrom('plan_flagship').selectAll().orderBy('position').execute();
export const findTargetGroups = (db: Db) => db.selectFrom('plan_target_group').selectAll().orderBy('position').execute();
export const findThemes = (db: Db) => db.selectFrom('plan_theme').selectAll().orderBy('position').execute();
export const findStatuses = (db: Db) => db.selectFrom('plan_status').selectAll().orderBy('position').execute();
export const findStakeholders = (db: Db) => db.selectFrom('plan_stakeholder').selectAll().orderBy('name').execute();

/** Each action's latest report (or none), with the data needed for the roll-up. */
export function findActionProgress(db: Db) {
  return db
    .selectFrom('plan_action as a')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('plan_report')
          .distinctOn('reference')
          .select(['reference', 'year', 'status_key', 'progress'])
          .orderBy('reference')
          .orderBy('year', 'desc')
          .as('r'),
      (join) => join.onRef('r.reference', '=', 'a.reference'),
    )
    .leftJoin('plan_status as s', 's.key', 'r.status_key')
    .select(['a.reference', 'a.flagship_code', 'a.weight', 'r.year', 'r.status_key', 'r.progress', 's.default_progress'])
    .execute();
}

export const findActionGoals = (db: Db, refs?: string[]) => {
  let q = db.selectFrom('plan_action_goal').selectAll();
  if (refs) q = q.where('reference', 'in', refs.length ? refs : ['']);
  return q.execute();
};

export async function searchActions(db: Db, q: ActionQuery) {
  let query = db.selectFrom('plan_action as a');
  if (q.flagship?.length) {
    const { codes, none } = splitNone(q.flagship);
    query = query.where((eb) => eb.or([...(codes.length ? [eb('a.flagship_code', 'in', codes)] : []), ...(none ? [eb('a.flagship_code', 'is', null)] : [])]));
  }
  if (q.goal?.length) query = query.where(({ exists, selectFrom }) => exists(selectFrom('plan_action_goal as g').whereRef('g.reference', '=', 'a.reference').where('g.goal_code', 'in', q.goal!)));
  if (q.targetGroup?.length) {
    const { codes, none } = splitNone(q.targetGroup);
    query = query.where((eb) => {
      const any = eb.selectFrom('plan_action_target_group as t').whereRef('t.reference', '=', 'a.reference');
      return eb.or([...(codes.length ? [eb.exists(any.where('t.target_group_code', 'in', codes))] : []), ...(none ? [eb.not(eb.exists(any))] : [])]);
    });
  }
  if (q.theme?.length) {
    const { codes, none } = splitNone(q.theme);
    query = query.where((eb) => {
      const any = eb.selectFrom('plan_action_theme as th').whereRef('th.reference', '=', 'a.reference');
      return eb.or([...(codes.length ? [eb.exists(any.where('th.theme_code', 'in', codes))] : []), ...(none ? [eb.not(eb.exists(any))] : [])]);
    });
  }
  if (q.stakeholder?.length)
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('plan_action_stakeholder as s').whereRef('s.reference', '=', 'a.reference').where('s.stakeholder_id', 'in', q.stakeholder!)));
  if (q.year !== undefined) {
    query = query.where(({ exists, selectFrom }) => {
      let r = selectFrom('plan_report as r').whereRef('r.reference', '=', 'a.reference').where('r.year', '=', q.year!);
      if (q.status?.length) r = r.where('r.status_key', 'in', q.status);
      return exists(r);
    });
  } else if (q.status?.length) {
    query = query.where((eb) =>
      eb(
        eb.selectFrom('plan_report as r').select('r.status_key').whereRef('r.reference', '=', 'a.reference').orderBy('r.year', 'desc').limit(1),
        'in',
        q.status!,
      ),
    );
  }
  if (q.q) {
    // plain substring search; the text is a parameter, LIKE wildcards in it are escaped
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('a.reference', 'ilike', like), eb(sql<string>`a.title::text`, 'ilike', like), eb(sql<string>`a.description::text`, 'ilike', like)]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('a')
    .orderBy('a.reference')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export const findAction = (db: Db, reference: string) => db.selectFrom('plan_action').selectAll().where('reference', '=', reference).executeTakeFirst();

export async function findActionLinks(db: Db, refs: string[]) {
  const list = refs.length ? refs : [''];
  const [goals, groups, themes, stakeholders, reports] = await Promise.all([
    db.selectFrom('plan_action_goal').selectAll().where('reference', 'in', list).orderBy('goal_code').execute(),
    db.selectFrom('plan_action_target_group').selectAll().where('reference', 'in', list).execute(),
    db.selectFrom('plan_action_theme').selectAll().where('reference', 'in', list).execute(),
    db.selectFrom('plan_action_stakeholder').selectAll().where('reference', 'in', list).orderBy('role').orderBy('stakeholder_id').execute(),
    db.selectFrom('plan_report').select(['reference', 'year', 'status_key', 'progress']).where('reference', 'in', list).orderBy('year').execute(),
  ]);
  return { goals, groups, themes, stakeholders, reports };
}

export const findReports = (db: Db, reference: string) => db.selectFrom('plan_report').selectAll().where('reference', '=', reference).orderBy('year').execute();
export const findReport = (db: Db, reference: string, year: number) =>
  db.selectFrom('plan_report').selectAll().where('reference', '=', reference).where('year', '=', year).executeTakeFirst();
export const findObstacles = (db: Db, reference: string) => db.selectFrom('plan_obstacle').selectAll().where('reference', '=', reference).orderBy('year').orderBy('position').execute();
export const findMilestones = (db: Db, reference: string) => db.selectFrom('plan_milestone').selectAll().where('reference', '=', reference).orderBy('occurred_on').execute();
export const findVersions = (db: Db, reference: string) =>
  db.selectFrom('plan_report_version').select(['year', 'version', 'changed_at', 'changed_by_label']).where('reference', '=', reference).orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
export const findStakeholderRoles = (db: Db, reference: string) => db.selectFrom('plan_action_stakeholder').selectAll().where('reference', '=', reference).execute();
export const findStatus = (db: Db, key: string) => db.selectFrom('plan_status').selectAll().where('key', '=', key).executeTakeFirst();

export async function nextVersion(db: Db, reference: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('plan_report_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('reference', '=', reference)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export async function recordedCounts(db: Db, year: number) {
  return db
    .selectFrom('plan_report')
    .select(['status_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .groupBy('status_key')
    .execute();
}

export const findOfficialCounts = (db: Db, year: number) => db.selectFrom('plan_official_count').selectAll().where('year', '=', year).execute();
export const countActions = async (db: Db) => Number((await db.selectFrom('plan_action').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * Distinct actions per target group x theme (or flagship); null where none is recorded. Left joins
 * keep actions without links, and count distinct so an action is counted once per cell.
 */
export async function matrixCounts(db: Db, by: 'theme' | 'flagship') {
  const base = db.selectFrom('plan_action as a').leftJoin('plan_action_target_group as tg', 'tg.reference', 'a.reference');
  const count = sql<number>`count(distinct a.reference)`.as('n');
  const rows =
    by === 'flagship'
      ? await base.select(['tg.target_group_code as row', 'a.flagship_code as column', count]).groupBy(['tg.target_group_code', 'a.flagship_code']).execute()
      : await base
          .leftJoin('plan_action_theme as th', 'th.reference', 'a.reference')
          .select(['tg.target_group_code as row', 'th.theme_code as column', count])
          .groupBy(['tg.target_group_code', 'th.theme_code'])
          .execute();
  return rows.map((r) => ({ row: r.row ?? null, column: r.column ?? null, count: Number(r.n) }));
}

/** Recorded actions with no link in one of the matrix's axes. */
export async function countWithout(db: Db, axis: 'target_group' | 'theme' | 'flagship') {
  let q = db.selectFrom('plan_action as a').select((eb) => eb.fn.countAll<number>().as('n'));
  if (axis === 'flagship') q = q.where('a.flagship_code', 'is', null);
  else if (axis === 'theme') q = q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('plan_action_theme as l').whereRef('l.reference', '=', 'a.reference'))));
  else q = q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('plan_action_target_group as l').whereRef('l.reference', '=', 'a.reference'))));
  return Number((await q.executeTakeFirstOrThrow()).n);
}
