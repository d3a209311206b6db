import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import * as repo from './plan.repository.ts';
import { csvColumns, parseCsv, splitList, toCsv, type CsvProblem, type CsvRow, type ParsedRow } from './plan-csv.ts';
import { PLAN_PERIOD } from './plan.service.ts';

export type ImportRowReport = { line: number; reference: string; year: number | null; outcome: 'create' | 'update' | 'unchanged' | 'error'; errors: Array<{ column: string | null; reason: string }> };
export type ImportReport = { ok: boolean; dryRun: boolean; summary: { create: number; update: number; unchanged: number; error: number }; problems: CsvProblem[]; rows: ImportRowReport[] };

const langs = ['nl', 'fr', 'en'] as const;
const texts = (row: CsvRow, prefix: 'title' | 'description' | 'narrative') =>
  Object.fromEntries(langs.flatMap((l) => (row[`${prefix}_${l}`] ? [[l, row[`${prefix}_${l}`]]] : []))) as Record<string, string>;
const actionColumns = csvColumns.slice(0, csvColumns.indexOf('year'));

/** The whole plan as CSV rows, in a stable order, so that export → import → export is a no-op. */
export async function exportRows(db: Db): Promise<CsvRow[]> {
  const actions = await db.selectFrom('plan_action').selectAll().orderBy('reference').execute();
  const links = await repo.findActionLinks(db, actions.map((a) => a.reference));
  const reports = await db.selectFrom('plan_report').select(['reference', 'year', 'status_key', 'progress', 'narrative']).orderBy('reference').orderBy('year').execute();
  const rows: CsvRow[] = [];
  for (const a of actions) {
    const of = <T extends { reference: string }>(l: T[]) => l.filter((x) => x.reference === a.reference);
    const base = {
      reference: a.reference,
      flagship: a.flagship_code ?? '',
      flagship_assigned_by: a.flagship_assigned_by ?? '',
      title_nl: a.title.nl ?? '', title_fr: a.title.fr ?? '', title_en: a.title.en ?? '',
      description_nl: a.description.nl ?? '', description_fr: a.description.fr ?? '', description_en: a.description.en ?? '',
      goals: of(links.goals).map((g) => g.goal_code).sort().join('|'),
      target_groups: of(links.groups).map((g) => g.target_group_code).sort().join('|'),
      themes: of(links.themes).map((g) => g.theme_code).sort().join('|'),
      stakeholders: of(links.stakeholders).map((s) => `${s.stakeholder_id}:${s.role}`).sort().join('|'),
      starts_on: a.starts_on ?? '',
      ends_on: a.ends_on ?? '',
      weight: String(Number(a.weight)),
    };
    const mine = of(reports);
    if (mine.length === 0) rows.push({ ...base, year: '', status: '', progress: '', narrative_nl: '', narrative_fr: '', narrative_en: '' });
    for (const r of mine) {
      rows.push({ ...base, year: String(r.year), status: r.status_key ?? '', progress: r.progress === null ? '' : String(r.progress), narrative_nl: r.narrative.nl ?? '', narrative_fr: r.narrative.fr ?? '', narrative_en: r.narrative.en ?? '' });
    }
  }
  return rows;
}

export const exportCsv = async (db: Db) => toCsv(await exportRows(db));

type Catalogues = { flagships: Set<string>; goals: Set<string>; groups: Set<string>; themes: Set<string>; statuses: Set<string>; stakeholders: Set<string> };

function checkRow(row: CsvRow, known: Catalogues, existing: boolean): Array<{ column: string; reason: string }> {
  const errors: Array<{ column: string; reason: string }> = [];
  const err = (column: string, reason: string) => errors.push({ column, reason });
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(row.reference)) err('reference', row.reference ? 'must be letters, digits, . _ - (at most 40)' : 'is required');
  if (row.year && !(/^\d{4}$/.test(row.year) && +row.year >= PLAN_PERIOD.from && +row.year <= PLAN_PERIOD.to)) err('year', `must be a year from ${PLAN_PERIOD.from} to ${PLAN_PERIOD.to}`);
  if (row.flagship && !known.flagships.has(row.flagship)) err('flagship', `unknown flagship "${row.flagship}"`);
  if (row.flagship_assigned_by && !['source', 'koers-editors'].includes(row.flagship_assigned_by)) err('flagship_assigned_by', 'must be source or koers-editors');
  if (!existing && !row.title_nl && !row.title_fr && !row.title_en) err('title_en', 'a new action needs a title in at least one language');
  for (const [col, set] of [['goals', known.goals], ['target_groups', known.groups], ['themes', known.themes]] as const) {
    for (const code of splitList(row[col])) if (!set.has(code)) err(col, `unknown code "${code}"`);
  }
  for (const s of splitList(row.stakeholders)) {
    const [id, role] = s.split(':');
    if (!id || !known.stakeholders.has(id)) err('stakeholders', `unknown stakeholder "${id ?? s}"`);
    if (!role || !['lead', 'partner', 'funder'].includes(role)) err('stakeholders', `"${s}" needs a role: id:lead, id:partner or id:funder`);
  }
  for (const col of ['starts_on', 'ends_on'] as const) if (row[col] && !/^\d{4}-\d{2}-\d{2}$/.test(row[col])) err(col, 'must be a date YYYY-MM-DD');
  if (row.weight && !(/^\d+(\.\d+)?$/.test(row.weight))) err('weight', 'must be a number of 0 or more');
  if (row.status && !known.statuses.has(row.status)) err('status', `unknown status "${row.status}" (known: ${[...known.statuses].join(', ')})`);
  if (row.progress && !(/^\d{1,3}$/.test(row.progress) && +row.progress <= 100)) err('progress', 'must be a whole number from 0 to 100');
  if (!row.year && (row.status || row.progress || row.narrative_nl || row.narrative_fr || row.narrative_en)) err('year', 'is required when a status, progress or narrative is given');
  for (const col of csvColumns) {
    if (/<\s*\/?\s*[a-z!]/i.test(row[col])) err(col, 'must be plain text, without HTML tags');
    if (row[col].length > 10_000) err(col, 'is longer than 10,000 characters');
  }
  return errors;
}

/** All-or-nothing: any error in any row and nothing is written; the report says why, row by row. */
export async function importCsv(db: Db, actor: Actor, input: Buffer | string, options: { dryRun: boolean }): Promise<ImportReport> {
  const parsed = parseCsv(input);
  const empty = { create: 0, update: 0, unchanged: 0, error: 0 };
  if (parsed.problems.length) return { ok: false, dryRun: options.dryRun, summary: empty, problems: parsed.problems, rows: [] };

  const [flagships, goals, groups, themes, statuses, stakeholders] = await Promise.all([repo.findFlagships(db), repo.findGoals(db), repo.findTargetGroups(db), repo.findThemes(db), repo.findStatuses(db), repo.findStakeholders(db)]);
  const known: Catalogues = {
    flagships: new Set(flagships.map((x) => x.code)), goals: new Set(goals.map((x) => x.code)), groups: new Set(groups.map((x) => x.code)),
    themes: new Set(themes.map((x) => x.code)), statuses: new Set(statuses.map((x) => x.key)), stakeholders: new Set(stakeholders.map((x) => x.id)),
  };
  const current = new Map<string, CsvRow>();
  for (const r of await exportRows(db)) current.set(`${r.reference}/${r.year}`, r);
  const existingRefs = new Set([...current.values()].map((r) => r.reference));

  const seen = new Map<string, number>();
  const firstOfAction = new Map<string, ParsedRow>();
  const reports: ImportRowReport[] = parsed.rows.map(({ line, cells }) => {
    const errors: ImportRowReport['errors'] = checkRow(cells, known, existingRefs.has(cells.reference));
    const key = `${cells.reference}/${cells.year}`;
    if (seen.has(key)) errors.push({ column: 'reference', reason: `duplicates line ${seen.get(key)} (same reference and year)` });
    else seen.set(key, line);
    const first = firstOfAction.get(cells.reference);
    if (!first) firstOfAction.set(cells.reference, { line, cells });
    else for (const c of actionColumns) if (first.cells[c] !== cells[c]) errors.push({ column: c, reason: `differs from line ${first.line} for the same action` });
    const before = current.get(key);
    const outcome = errors.length ? 'error' : !before ? 'create' : csvColumns.every((c) => before[c] === cells[c]) ? 'unchanged' : 'update';
    return { line, reference: cells.reference, year: cells.year ? Number(cells.year) : null, outcome, errors };
  });
  const summary = { ...empty };
  for (const r of reports) summary[r.outcome]++;
  const ok = summary.error === 0;
  if (ok && !options.dryRun) await apply(db, actor, parsed.rows, reports, current);
  return { ok, dryRun: options.dryRun, summary, problems: [], rows: reports };
}

async function apply(db: Db, actor: Actor, rows: ParsedRow[], reports: ImportRowReport[], current: Map<string, CsvRow>) {
  await db.transaction().execute(async (trx) => {
    const doneActions = new Set<string>();
    for (const [i, { cells }] of rows.entries()) {
      if (reports[i]!.outcome === 'unchanged') continue;
      const ref = cells.reference;
      if (!doneActions.has(ref)) {
        doneActions.add(ref);
        const before = [...current.values()].find((r) => r.reference === ref);
        const actionChanged = !before || actionColumns.some((c) => before[c] !== cells[c]);
        if (actionChanged) await writeAction(trx, cells, !!before);
        if (actionChanged) await recordAudit(trx, { actor, action: before ? 'update' : 'create', entityType: 'plan_action', entityId: ref, before: before ? pick(before, actionColumns) : null, after: pick(cells, actionColumns) });
      }
      if (!cells.year) continue;
      const year = Number(cells.year);
      const before = current.get(`${ref}/${cells.year}`);
      const values = { status_key: cells.status || null, progress: cells.progress ? Number(cells.progress) : null, narrative: JSON.stringify(texts(cells, 'narrative')), updated_at: new Date() };
      if (before) await trx.updateTable('plan_report').set(values).where('reference', '=', ref).where('year', '=', year).execute();
      else await trx.insertInto('plan_report').values({ reference: ref, year, ...values, evidence_links: '[]', sources: '[]' }).execute();
      const snapshot = { status: values.status_key, progress: values.progress, narrative: texts(cells, 'narrative') };
      await trx.insertInto('plan_report_version').values({ reference: ref, year, version: await repo.nextVersion(trx, ref, year), snapshot: JSON.stringify(snapshot), changed_by: actor.userId, changed_by_label: 'import' }).execute();
      await recordAudit(trx, { actor, action: before ? 'update' : 'create', entityType: 'plan_report', entityId: `${ref}/${year}`, before: before ? { status: before.status || null, progress: before.progress ? Number(before.progress) : null } : null, after: snapshot });
    }
  });
}

const pick = (row: CsvRow, cols: readonly string[]) => Object.fromEntries(cols.map((c) => [c, row[c as keyof CsvRow]]));

async function writeAction(trx: Db, c: CsvRow, exists: boolean) {
  const values = {
    flagship_code: c.flagship || null,
    flagship_assigned_by: c.flagship ? ((c.flagship_assigned_by || 'koers-editors') as 'source' | 'koers-editors') : null,
    title: JSON.stringify(texts(c, 'title')),
    description: JSON.stringify(texts(c, 'description')),
    starts_on: c.starts_on || null,
    ends_on: c.ends_on || null,
    weight: c.weight ? Number(c.weight) : 1,
    updated_at: new Date(),
  };
  if (exists) await trx.updateTable('plan_action').set(values).where('reference', '=', c.reference).execute();
  else await trx.insertInto('plan_action').values({ reference: c.reference, ...values, links: '[]', sources: '[]' }).execute();
  const ref = c.reference;
  await trx.deleteFrom('plan_action_goal').where('reference', '=', ref).execute();
  await trx.deleteFrom('plan_action_target_group').where('reference', '=', ref).execute();
  await trx.deleteFrom('plan_action_theme').where('reference', '=', ref).execute();
  await trx.deleteFrom('plan_action_stakeholder').where('reference', '=', ref).execute();
  const goals = splitList(c.goals), groups = splitList(c.target_groups), themes = splitList(c.themes), holders = splitList(c.stakeholders);
  if (goals.length) await trx.insertInto('plan_action_goal').values(goals.map((goal_code) => ({ reference: ref, goal_code }))).execute();
  if (groups.length) await trx.insertInto('plan_action_target_group').values(groups.map((target_group_code) => ({ reference: ref, target_group_code }))).execute();
  if (themes.length) await trx.insertInto('plan_action_theme').values(themes.map((theme_code) => ({ reference: ref, theme_code }))).execute();
  if (holders.length) {
    await trx.insertInto('plan_action_stakeholder').values(holders.map((h) => { const [stakeholder_id, role] = h.split(':'); return { reference: ref, stakeholder_id: stakeholder_id!, role: role as 'lead' | 'partner' | 'funder' }; })).execute();
  }
}
