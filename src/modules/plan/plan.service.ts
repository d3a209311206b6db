import type { Db } from '../../platform/db/database.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors/problem.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import type { PublicUser } from '../../platform/auth/auth.schema.ts';
import * as repo from './plan.repository.ts';
import type { ActionDetail, ActionQuery, Plan, PlanMatrix, Report, ReportInput, StatusCounts, Texts } from './plan.schema.ts';

export const PLAN_PERIOD = { from: 2021, to: 2030 };
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const nn = <T>(v: T | null | undefined) => v ?? null;

type ProgressRow = { weight: number; progress: number | null; default_progress: number | null };

/** An action's progress: its latest report's own figure, else its status's default; null if neither. */
const actionProgress = (r: ProgressRow) => r.progress ?? r.default_progress ?? null;

/** Weighted mean over the actions that report progress, as Decidim rolls results up to parents. */
export function rollUp(rows: ProgressRow[]): number | null {
  const known = rows.filter((r) => actionProgress(r) !== null && r.weight > 0);
  const weight = known.reduce((s, r) => s + r.weight, 0);
  if (weight === 0) return null;
  return Math.round((known.reduce((s, r) => s + actionProgress(r)! * r.weight, 0) / weight) * 10) / 10;
}

export async function getPlan(db: Db): Promise<Plan> {
  const [meta, goals, flagships, groups, themes, statuses, stakeholders, sources, progress, actionGoals] = await Promise.all([
    repo.findMeta(db), repo.findGoals(db), repo.findFlagships(db), repo.findTargetGroups(db), repo.findThemes(db),
    repo.findStatuses(db), repo.findStakeholders(db), repo.findSources(db), repo.findActionProgress(db), repo.findActionGoals(db),
  ]);
  if (!meta) throw notFound('The plan is not loaded. Run `koers seed`.');
  const byRef = new Map(progress.map((p) => [p.reference, p]));
  return {
    announcedActionCount: meta.announced_action_count,
    recordedActionCount: progress.length,
    adopted: meta.adopted,
    period: PLAN_PERIOD,
    goals: goals.map((g) => {
      const rows = actionGoals.filter((ag) => ag.goal_code === g.code).map((ag) => byRef.get(ag.reference)!);
      return { code: g.code, title: g.title, sources: g.sources, note: g.note, progress: rollUp(rows), actionCount: rows.length };
    }),
    flagships: flagships.map((f) => {
      const rows = progress.filter((p) => p.flagship_code === f.code);
      return { code: f.code, title: f.title, sources: f.sources, note: f.note, progress: rollUp(rows), actionCount: rows.length };
    }),
    targetGroups: groups.map((t) => ({ code: t.code, title: t.title, sources: t.sources })),
    themes: themes.map((t) => ({ code: t.code, title: t.title })),
    statuses: statuses.map((s) => ({ key: s.key, name: s.name, defaultProgress: s.default_progress })),
    stakeholders: stakeholders.map((s) => ({ id: s.id, name: s.name, abbreviation: s.abbreviation, kind: s.kind, sources: s.sources })),
    sources: sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.published_on })),
  };
}

export async function listActions(db: Db, query: ActionQuery) {
  const { rows, total } = await repo.searchActions(db, query);
  const links = await repo.findActionLinks(db, rows.map((r) => r.reference));
  return {
    items: rows.map((a) => summarise(a, links)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type ActionRow = NonNullable<Awaited<ReturnType<typeof repo.findAction>>>;
type Links = Awaited<ReturnType<typeof repo.findActionLinks>>;

function summarise(a: ActionRow, l: Links) {
  const mine = <T extends { reference: string }>(rows: T[]) => rows.filter((r) => r.reference === a.reference);
  const reports = mine(l.reports);
  const latest = reports[reports.length - 1];
  return {
    reference: a.reference,
    title: a.title,
    flagship: a.flagship_code && a.flagship_assigned_by ? { code: a.flagship_code, assignedBy: a.flagship_assigned_by } : null,
    goals: mine(l.goals).map((g) => g.goal_code),
    targetGroups: mine(l.groups).map((g) => g.target_group_code),
    themes: mine(l.themes).map((t) => t.theme_code),
    stakeholders: mine(l.stakeholders).map((s) => ({ id: s.stakeholder_id, role: s.role })),
    latestReport: latest ? { year: latest.year, status: latest.status_key, progress: latest.progress } : null,
  };
}

export async function getAction(db: Db, reference: string): Promise<ActionDetail> {
  const a = await repo.findAction(db, reference);
  if (!a) throw notFound(`No action with reference ${reference}.`);
  const [links, reports, obstacles, milestones, versions] = await Promise.all([
    repo.findActionLinks(db, [reference]), repo.findReports(db, reference), repo.findObstacles(db, reference),
    repo.findMilestones(db, reference), repo.findVersions(db, reference),
  ]);
  const versionOf = (year: number) => versions.filter((v) => v.year === year).reduce((m, v) => Math.max(m, v.version), 0);
  return {
    ...summarise(a, links),
    description: a.description,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    weight: Number(a.weight),
    links: a.links,
    sources: a.sources,
    reports: reports.map((r) => ({
      year: r.year,
      status: r.status_key,
      progress: r.progress,
      narrative: r.narrative,
      evidenceLinks: r.evidence_links,
      obstacles: obstacles.filter((o) => o.year === r.year).map((o) => ({ text: o.text, severity: o.severity, owner: o.owner, resolved: o.resolved })),
      sources: r.sources,
      submittedAt: iso(r.submitted_at),
      approvedAt: iso(r.approved_at),
      version: versionOf(r.year),
    })),
    milestones: milestones.map((m) => ({ date: m.occurred_on, title: m.title, description: m.description, link: m.link })),
    history: versions.map((v) => ({ year: v.year, version: v.version, changedAt: iso(v.changed_at)!, changedBy: v.changed_by_label })),
  };
}

/** Admins may report on every action; an editor only where their organisation leads or partners. */
export async function assertMayReport(db: Db, user: PublicUser, reference: string): Promise<void> {
  if (!(await repo.findAction(db, reference))) throw notFound(`No action with reference ${reference}.`);
  if (user.role === 'admin') return;
  if (user.role === 'editor' && user.organisationId) {
    const roles = await repo.findStakeholderRoles(db, reference);
    if (roles.some((r) => r.stakeholder_id === user.organisationId && (r.role === 'lead' || r.role === 'partner'))) return;
    throw forbidden(`Your organisation (${user.organisationId}) is not a lead or partner of action ${reference}.`);
  }
  throw forbidden('Only admins and the editors of lead or partner organisations report on an action.');
}

export async function saveReport(db: Db, user: PublicUser, actor: Actor, reference: string, year: number, input: ReportInput): Promise<Report> {
  if (year < PLAN_PERIOD.from || year > PLAN_PERIOD.to) {
    throw badRequest(`The plan runs from ${PLAN_PERIOD.from} to ${PLAN_PERIOD.to}.`, [{ field: 'params.year', reason: `must be between ${PLAN_PERIOD.from} and ${PLAN_PERIOD.to}` }]);
  }
  await assertMayReport(db, user, reference);
  const status = await repo.findStatus(db, input.status);
  if (!status) throw badRequest('Unknown status.', [{ field: 'body.status', reason: `is not a status key of this plan` }]);
  const narrative: Texts = Object.fromEntries(Object.entries(input.narrative).filter(([, v]) => v && v.length > 0));
  const progress = input.progress ?? status.default_progress;

  await db.transaction().execute(async (trx) => {
    const before = await repo.findReport(trx, reference, year);
    const now = new Date();
    const row = {
      status_key: status.key,
      progress,
      narrative: JSON.stringify(narrative),
      evidence_links: JSON.stringify(input.evidenceLinks),
      submitted_by: user.id,
      submitted_at: now,
      // an edited report needs a fresh approval
      approved_by: null,
      approved_at: null,
      updated_at: now,
    };
    if (before) await trx.updateTable('plan_report').set(row).where('reference', '=', reference).where('year', '=', year).execute();
    else await trx.insertInto('plan_report').values({ reference, year, sources: '[]', ...row }).execute();
    await trx.deleteFrom('plan_obstacle').where('reference', '=', reference).where('year', '=', year).execute();
    if (input.obstacles.length) {
      await trx.insertInto('plan_obstacle').values(input.obstacles.map((o, position) => ({ reference, year, position, ...o }))).execute();
    }
    const snapshot = { status: status.key, progress, narrative, evidenceLinks: input.evidenceLinks, obstacles: input.obstacles };
    await trx
      .insertInto('plan_report_version')
      .values({ reference, year, version: await repo.nextVersion(trx, reference, year), snapshot: JSON.stringify(snapshot), changed_by: user.id, changed_by_label: user.organisationId ?? user.role })
      .execute();
    await recordAudit(trx, {
      actor,
      action: before ? 'update' : 'create',
      entityType: 'plan_report',
      entityId: `${reference}/${year}`,
      before: before ? { status: before.status_key, progress: before.progress, narrative: before.narrative, evidenceLinks: before.evidence_links } : null,
      after: snapshot,
    });
  });
  const detail = await getAction(db, reference);
  return detail.reports.find((r) => r.year === year)!;
}

export async function statusCounts(db: Db, year: number): Promise<StatusCounts> {
  const [meta, recorded, official, actions] = await Promise.all([repo.findMeta(db), repo.recordedCounts(db, year), repo.findOfficialCounts(db, year), repo.countActions(db)]);
  const counts: Record<string, number> = {};
  let withoutStatus = 0;
  for (const r of recorded) {
    if (r.status_key) counts[r.status_key] = Number(r.n);
    else withoutStatus += Number(r.n);
  }
  const first = official[0];
  return {
    year,
    announcedActionCount: meta?.announced_action_count ?? 0,
    recorded: { counts, withoutStatus, actions },
    official: first
      ? {
          counts: Object.fromEntries(official.map((o) => [o.status_key, o.count])),
          total: nn(first.total),
          sources: [...new Set(official.flatMap((o) => o.sources))],
          verification: nn(first.verification),
          note: nn(first.note),
        }
      : null,
  };
}

/** The target-group x theme (or flagship) matrix: every cell, with a "none recorded" row and column. */
export async function planMatrix(db: Db, by: 'theme' | 'flagship'): Promise<PlanMatrix> {
  const [meta, groups, columns, counts, actions, withoutRow, withoutColumn] = await Promise.all([
    repo.findMeta(db), repo.findTargetGroups(db), by === 'theme' ? repo.findThemes(db) : repo.findFlagships(db), repo.matrixCounts(db, by), repo.countActions(db),
    repo.countWithout(db, 'target_group'), repo.countWithout(db, by),
  ]);
  if (!meta) throw notFound('The plan is not loaded. Run `koers seed`.');
  const rowCodes = [...groups.map((g) => g.code), null];
  const columnCodes = [...columns.map((c) => c.code), null];
  const found = new Map(counts.map((c) => [`${c.row}|${c.column}`, c.count]));
  return {
    by,
    rows: groups.map((g) => ({ code: g.code, title: g.title })),
    columns: columns.map((c) => ({ code: c.code, title: c.title })),
    cells: rowCodes.flatMap((row) => columnCodes.map((column) => ({ row, column, count: found.get(`${row}|${column}`) ?? 0 }))),
    withoutRow,
    withoutColumn,
    recordedActionCount: actions,
    announcedActionCount: meta.announced_action_count,
  };
}
