import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/localized.ts';
import { getRegionPlan } from '../../../platform/portal/portal.service.ts';
import { getAction, getPlan, listActions, rollUp, statusCounts } from '../plan.service.ts';
import type { ActionDetail, Plan } from '../plan.schema.ts';
import { pickText, type ReportAction, type ReportModel, type SourceRef } from './report-model.ts';
import { reportTexts } from './report-texts.ts';
import { renderReportPdf } from './annual-report.pdf.ts';
import { renderReportHtml } from './annual-report.html.ts';
import type { ReportQuery } from './annual-report.schema.ts';

export type ModelOptions = { year: number; lang: Locale; regionId?: string; now?: Date };

/** References of the actions with a report for the year, through the plan's own listing. */
async function reportedActions(db: Db, year: number): Promise<ActionDetail[]> {
  const refs: string[] = [];
  for (let page = 1; ; page++) {
    const res = await listActions(db, { year, page, pageSize: 200 });
    refs.push(...res.items.map((a) => a.reference));
    if (page * res.pageSize >= res.total) break;
  }
  refs.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const details: ActionDetail[] = [];
  for (const ref of refs) details.push(await getAction(db, ref));
  return details;
}

/** Numbers sources in the order the report first cites them. */
function citations(plan: Plan) {
  const known = new Map(plan.sources.map((s) => [s.id, s]));
  const cited: SourceRef[] = [];
  const cite = (ids: string[]) =>
    [...new Set(ids)].flatMap((id) => {
      const found = cited.find((c) => c.id === id);
      if (found) return [found.n];
      const s = known.get(id);
      if (!s) return [];
      cited.push({ n: cited.length + 1, id, title: s.title, publisher: s.publisher, url: s.url });
      return [cited.length];
    });
  return { cite, cited };
}

export async function buildReportModel(db: Db, { year, lang, regionId, now = new Date() }: ModelOptions): Promise<ReportModel> {
  const [plan, counts, previous, region] = await Promise.all([getPlan(db), statusCounts(db, year), statusCounts(db, year - 1), getRegionPlan(db, regionId)]);
  const details = await reportedActions(db, year);
  const statusName = new Map(plan.statuses.map((s) => [s.key, s.name[lang]]));
  const defaultProgress = new Map(plan.statuses.map((s) => [s.key, s.defaultProgress]));
  const { cite, cited } = citations(plan);

  const official = counts.official
    ? {
        counts: plan.statuses.filter((s) => s.key in counts.official!.counts).map((s) => ({ name: s.name[lang], count: counts.official!.counts[s.key]! })),
        total: counts.official.total,
        sources: cite(counts.official.sources),
        unverified: counts.official.verification !== 'verified',
        note: pickText(counts.official.note ? { en: counts.official.note } : null, lang),
      }
    : null;

  const toAction = (a: ActionDetail): ReportAction => {
    const r = a.reports.find((x) => x.year === year)!;
    return {
      reference: a.reference,
      title: pickText(a.title, lang) ?? { text: a.reference, lang: null },
      status: r.status ? (statusName.get(r.status) ?? r.status) : null,
      progress: r.progress ?? (r.status ? (defaultProgress.get(r.status) ?? null) : null),
      narrative: pickText(r.narrative, lang),
      obstacles: r.obstacles,
      highlights: a.milestones
        .filter((m) => m.date.startsWith(String(year)))
        .map((m) => ({ date: m.date, title: pickText(m.title, lang), description: pickText(m.description, lang) })),
      assignedByEditors: a.flagship?.assignedBy === 'koers-editors',
      sources: cite(r.sources),
    };
  };

  const flagships = plan.flagships.map((f) => {
    const sources = cite(f.sources);
    const mine = details.filter((a) => a.flagship?.code === f.code);
    const rows = mine.map((a) => {
      const r = a.reports.find((x) => x.year === year)!;
      return { weight: a.weight, progress: r.progress, default_progress: r.status ? (defaultProgress.get(r.status) ?? null) : null };
    });
    return { code: f.code, title: pickText(f.title, lang) ?? { text: f.code, lang: null }, progress: rollUp(rows), sources, actions: mine.map(toAction) };
  });
  const flagshipCodes = new Set(plan.flagships.map((f) => f.code));
  const unassigned = details.filter((a) => !a.flagship || !flagshipCodes.has(a.flagship.code)).map(toAction);

  const changes = details.flatMap((a) => a.history.filter((h) => h.year === year).map((h) => new Date(h.changedAt).getTime()));
  const statuses = [
    ...plan.statuses.map((s) => ({ key: s.key as string | null, name: s.name[lang], count: counts.recorded.counts[s.key] ?? 0, previous: previous.recorded.counts[s.key] ?? 0 })),
    { key: null, name: reportTexts[lang].noStatus, count: counts.recorded.withoutStatus, previous: previous.recorded.withoutStatus },
  ];

  return {
    lang,
    year,
    generatedAt: now,
    lastChange: changes.length ? new Date(Math.max(...changes)) : null,
    region: region.region.name[lang],
    planTitle: pickText(region.plan.title, lang)!,
    planTitleWorking: Boolean(region.plan.translationNotes[lang]),
    planSourceUrl: region.plan.source,
    period: plan.period,
    announced: plan.announcedActionCount,
    recorded: plan.recordedActionCount,
    statuses,
    reported: statuses.reduce((s, x) => s + x.count, 0),
    official,
    flagships,
    unassigned,
    sources: cited,
    editorAssigned: details.filter((a) => a.flagship?.assignedBy === 'koers-editors').map((a) => a.reference),
  };
}

export type ReportFile = { body: Buffer | string; contentType: string; filename: string; headers: Record<string, string> };

// The HTML report is a standalone page with its own <style>; it may run no script and load nothing.
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const reportFilename = (q: Pick<ReportQuery, 'year' | 'lang' | 'format'>) => `koers-${reportTexts[q.lang].reportWord}-${q.year}-${q.lang}.${q.format}`;

export async function renderAnnualReport(db: Db, query: ReportQuery, options: { regionId?: string; now?: Date } = {}): Promise<ReportFile> {
  const model = await buildReportModel(db, { year: query.year, lang: query.lang, ...options });
  const filename = reportFilename(query);
  if (query.format === 'html') {
    return { body: renderReportHtml(model), contentType: 'text/html; charset=utf-8', filename, headers: { 'content-security-policy': REPORT_HTML_CSP, 'content-disposition': `inline; filename="${filename}"` } };
  }
  return { body: await renderReportPdf(model), contentType: 'application/pdf', filename, headers: { 'content-disposition': `attachment; filename="${filename}"` } };
}
