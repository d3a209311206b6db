import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-style.ts';
import { bullet, caption, ensureSpace, heading1, heading2, heading3, metaLine, paragraph, progressBar, say, style, type Doc, type PageLog } from './pdf-blocks.ts';
import { barChart, barChartHeight, keyFigures, noteBox, table } from './pdf-figures.ts';
import type { ReportAction, ReportModel } from './report-model.ts';
import type { OutlineEntry } from './report-outline.ts';
import { formatDate, formatDifference, formatPercent, formatShare, languageMark, t } from './report-format.ts';

// The report's sections, in order. Each starts with its outline entry's heading.

const cites = (ns: number[]) => ns.map((n) => `[${n}]`).join(' ');
const citedBy = (m: ReportModel, ns: number[]) =>
  ns.map((n) => { const s = m.sources.find((x) => x.n === n); return `${s?.publisher ?? s?.title ?? ''} [${n}]`; }).join('; ');

export function summary(doc: Doc, m: ReportModel, e: OutlineEntry, pages: PageLog): void {
  const l = m.lang;
  heading1(doc, e, true, pages);
  paragraph(doc, t(l, 'recordedOf', { total: m.announced, n: m.recorded }));
  doc.y += 4;
  const withStatus = m.statuses.filter((s) => s.key !== null).reduce((a, s) => a + s.count, 0);
  keyFigures(doc, [
    { value: String(m.recorded), label: t(l, 'figRecorded', { total: m.announced }) },
    { value: String(m.reported), label: t(l, 'figReported', { year: m.year }) },
    { value: String(withStatus), label: t(l, 'figWithStatus') },
  ]);
  if (m.reported === 0) paragraph(doc, t(l, 'noReports', { year: m.year }));
  else {
    paragraph(doc, t(l, 'reportedIn', { year: m.year, n: m.reported }), { gapAfter: 3 });
    for (const s of m.statuses.filter((x) => x.count > 0)) bullet(doc, `${s.name}: ${s.count}`, { indent: 6 });
  }
  doc.y += 8;
  if (!m.official) {
    paragraph(doc, t(l, 'noOfficial', { year: m.year }), { color: COLOR.muted });
    return;
  }
  const o = m.official;
  noteBox(
    doc,
    o.unverified ? `${t(l, 'officialTitle', { year: m.year })} (${t(l, 'unverified')})` : t(l, 'officialTitle', { year: m.year }),
    [
      { text: t(l, 'officialIntro', { total: m.announced }) },
      ...o.counts.map((c) => ({ text: `${c.name}: ${c.count}` })),
      ...(o.total !== null ? [{ text: t(l, 'officialTotal', { n: o.total }) }] : []),
      { text: `${t(l, 'source')}: ${citedBy(m, o.sources)}`, muted: true },
    ],
    o.unverified ? 'warn' : 'info',
  );
}

export function distribution(doc: Doc, m: ReportModel, e: OutlineEntry, pages: PageLog): void {
  const l = m.lang;
  heading1(doc, e, false, pages);
  paragraph(doc, t(l, 'distributionIntro', { n: m.reported, year: m.year }));
  caption(doc, t(l, 'tableCaption', { n: 1, title: t(l, 'statusDistribution') }));
  table(
    doc,
    [{ header: t(l, 'colStatus'), width: 3 }, { header: t(l, 'colCount'), width: 1, align: 'right' }, { header: t(l, 'colShare'), width: 1, align: 'right' }],
    m.statuses.map((s) => [s.name, String(s.count), formatShare(s.count, m.reported, l)]),
    { total: [t(l, 'total'), String(m.reported), m.reported ? formatPercent(100, l) : '–'] },
  );
  ensureSpace(doc, barChartHeight(m.statuses.length) + 30);
  caption(doc, t(l, 'chartCaption', { year: m.year }));
  doc.y += 6;
  barChart(doc, m.statuses.map((s) => ({ label: s.name, value: s.count, muted: s.key === null })));
}

export function change(doc: Doc, m: ReportModel, e: OutlineEntry, pages: PageLog): void {
  const l = m.lang;
  const prev = m.year - 1;
  heading1(doc, e, false, pages);
  paragraph(doc, t(l, 'changeIntro', { prev, year: m.year }));
  if (prev < m.period.from) paragraph(doc, t(l, 'beforePeriod', { prev, from: m.period.from, to: m.period.to }), { color: COLOR.muted });
  caption(doc, t(l, 'tableCaption', { n: 2, title: e.title }));
  const before = m.statuses.reduce((a, s) => a + s.previous, 0);
  table(
    doc,
    [{ header: t(l, 'colStatus'), width: 3 }, { header: String(prev), width: 1, align: 'right' }, { header: String(m.year), width: 1, align: 'right' }, { header: t(l, 'colDifference'), width: 1.2, align: 'right' }],
    m.statuses.map((s) => [s.name, String(s.previous), String(s.count), formatDifference(s.count - s.previous)]),
    { total: [t(l, 'total'), String(before), String(m.reported), formatDifference(m.reported - before)] },
  );
}

const BODY = 48;

function action(doc: Doc, m: ReportModel, a: ReportAction): void {
  const l = m.lang;
  ensureSpace(doc, 96);
  const top = doc.y;
  style(doc, FONT.bold, 10.5, COLOR.accent);
  const refWide = doc.widthOfString(a.reference) > BODY - 6;
  say(doc, a.reference, MARGIN.left, top, { lineBreak: false });
  style(doc, FONT.bold, 10.5, COLOR.text);
  const mark = languageMark(a.title, l);
  say(doc, a.title.text + (mark ? ' ' : ''), MARGIN.left + BODY, refWide ? top + 14 : top, { width: CONTENT_WIDTH - BODY, lineGap: 1.5, continued: !!mark });
  if (mark) {
    style(doc, FONT.italic, 9, COLOR.muted);
    say(doc, mark, undefined, undefined, { width: CONTENT_WIDTH - BODY });
  }
  doc.y += 3;
  metaLine(
    doc,
    [
      `${t(l, 'status')}: ${a.status ?? t(l, 'notStated')}`,
      `${t(l, 'progress')}: ${(a.progress === null ? t(l, 'notStated') : formatPercent(a.progress, l))}`,
      a.sources.length ? `${t(l, 'sources')}: ${cites(a.sources)}` : '',
    ],
    BODY,
  );
  if (a.assignedByEditors) {
    style(doc, FONT.italic, SIZE.small, COLOR.muted);
    say(doc, t(l, 'assignedByEditors'), MARGIN.left + BODY, doc.y - 2, { width: CONTENT_WIDTH - BODY });
    doc.y += 4;
  }
  doc.y += 2;
  if (a.narrative) paragraph(doc, a.narrative.text, { indent: BODY, mark: languageMark(a.narrative, l) || undefined });
  else paragraph(doc, t(l, 'noNarrative'), { indent: BODY, color: COLOR.muted });
  if (a.obstacles.length) {
    heading3(doc, t(l, 'obstacles'), BODY);
    for (const o of a.obstacles) {
      const sub = [`${t(l, 'severity')}: ${t(l, o.severity)}`, o.owner ? `${t(l, 'owner')}: ${o.owner}` : '', o.resolved ? t(l, 'resolved') : t(l, 'open')];
      bullet(doc, o.text, { indent: BODY, sub: sub.filter(Boolean).join('  ·  ') });
    }
  }
  if (a.highlights.length) {
    heading3(doc, t(l, 'highlights'), BODY);
    for (const h of a.highlights) {
      const title = [h.title?.text, languageMark(h.title, l)].filter(Boolean).join(' ');
      bullet(doc, `${formatDate(h.date, l)}: ${title}`, { indent: BODY, sub: h.description ? [h.description.text, languageMark(h.description, l)].filter(Boolean).join(' ') : undefined });
    }
  }
  doc.y += 8;
  doc.moveTo(MARGIN.left + BODY, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.y += 12;
}

export function flagships(doc: Doc, m: ReportModel, e: OutlineEntry, pages: PageLog, subs: OutlineEntry[]): void {
  const l = m.lang;
  const parent = heading1(doc, e, true, pages);
  m.flagships.forEach((f, i) => {
    heading2(doc, subs[i]!, parent, pages, f.actions.length ? 120 : 80);
    const y = doc.y;
    style(doc, FONT.regular, SIZE.small, COLOR.muted);
    const label = `${t(l, 'flagshipProgress', { year: m.year })}: `;
    say(doc, label, MARGIN.left + 34, y, { lineBreak: false });
    const x = MARGIN.left + 34 + doc.widthOfString(label);
    style(doc, FONT.bold, SIZE.small, COLOR.text);
    const value = formatPercent(f.progress, l);
    say(doc, value, x, y, { lineBreak: false });
    if (f.progress !== null) progressBar(doc, x + doc.widthOfString(value) + 8, y + 1.5, 90, f.progress);
    doc.y = y + 13;
    metaLine(doc, [t(l, 'actionsWithReport', { year: m.year, n: f.actions.length }), f.sources.length ? `${t(l, 'source')}: ${cites(f.sources)}` : ''], 34);
    doc.y += 8;
    if (!f.actions.length) {
      paragraph(doc, t(l, 'noActions', { year: m.year }), { indent: 34, color: COLOR.muted });
      doc.y += 4;
    }
    for (const a of f.actions) action(doc, m, a);
  });
}

export function unassigned(doc: Doc, m: ReportModel, e: OutlineEntry, pages: PageLog): void {
  const l = m.lang;
  heading1(doc, e, true, pages);
  if (!m.unassigned.length) paragraph(doc, t(l, 'noActions', { year: m.year }), { color: COLOR.muted });
  else paragraph(doc, t(l, 'actionsWithReport', { year: m.year, n: m.unassigned.length }), { color: COLOR.muted });
  doc.y += 6;
  for (const a of m.unassigned) action(doc, m, a);
}

export function about(doc: Doc, m: ReportModel, e: OutlineEntry, pages: PageLog): void {
  const l = m.lang;
  const date = formatDate(m.generatedAt, l);
  heading1(doc, e, true, pages);
  paragraph(doc, t(l, 'aboutIntro', { date }));
  paragraph(doc, t(l, 'notOfficial'));

  heading3(doc, t(l, 'planSource'));
  paragraph(doc, m.planTitle.text, { mark: languageMark(m.planTitle, l) || undefined, gapAfter: 1 });
  link(doc, m.planSourceUrl, 0);
  doc.y += 8;

  heading3(doc, t(l, 'sourcesCited'));
  if (!m.sources.length) paragraph(doc, t(l, 'noSources'), { color: COLOR.muted });
  for (const s of m.sources) {
    ensureSpace(doc, 40);
    const top = doc.y;
    style(doc, FONT.bold, 9.5, COLOR.accent);
    say(doc, `[${s.n}]`, MARGIN.left, top, { lineBreak: false });
    style(doc, FONT.regular, 9.5, COLOR.text);
    say(doc, s.title, MARGIN.left + 26, top, { width: CONTENT_WIDTH - 26, lineGap: 1.5 });
    if (s.publisher) {
      style(doc, FONT.regular, SIZE.small, COLOR.muted);
      say(doc, s.publisher, MARGIN.left + 26, doc.y + 1, { width: CONTENT_WIDTH - 26 });
    }
    link(doc, s.url, 26);
    doc.y += 7;
  }

  heading3(doc, t(l, 'notes'));
  const notes: Array<{ text: string; mark?: string }> = [];
  notes.push({ text: m.editorAssigned.length ? t(l, 'noteEditors', { refs: m.editorAssigned.join(', ') }) : t(l, 'noteNoEditors') });
  if (m.official?.unverified) {
    notes.push({ text: t(l, 'noteUnverified', { year: m.year }) });
    if (m.official.note) notes.push({ text: m.official.note.text, mark: languageMark(m.official.note, l) });
  } else if (!m.official) notes.push({ text: t(l, 'noteOfficialNone', { year: m.year }) });
  if (m.planTitleWorking) notes.push({ text: t(l, 'titleWorking') });
  notes.push({ text: t(l, 'noteCounted') }, { text: t(l, 'noteProgress') }, { text: t(l, 'noteLanguage') });
  for (const n of notes) bullet(doc, n.mark ? `${n.mark} ${n.text}` : n.text);
}

function link(doc: Doc, url: string, indent: number): void {
  style(doc, FONT.regular, SIZE.small, COLOR.accent);
  say(doc, url, MARGIN.left + indent, doc.y + 1, { width: CONTENT_WIDTH - indent, link: /^https?:\/\//i.test(url) ? url : null });
}
