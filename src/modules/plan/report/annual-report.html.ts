import type { ReportAction, ReportModel } from './report-model.ts';
import { fullTitle, reportOutline, type OutlineEntry } from './report-outline.ts';
import { formatDate, formatDifference, formatPercent, formatShare, languageTag, t } from './report-format.ts';
import { REPORT_CSS, esc, htmlTable, link, shown, svgBarChart } from './html-parts.ts';

// The annual report as one standalone HTML document: inline <style>, no script, nothing loaded.

export function renderReportHtml(m: ReportModel): string {
  const l = m.lang;
  const entries = reportOutline(m);
  const e = (id: string) => entries.find((x) => x.id === id)!;
  const h = (x: OutlineEntry, tag: 'h2' | 'h3' = 'h2') => `<${tag} id="${x.id}"><span class="num-h">${esc(x.number)}</span>${esc(x.title)}</${tag}>`;
  const cites = (ns: number[]) => ns.map((n) => `<a href="#source-${n}">[${n}]</a>`).join(' ');
  const date = formatDate(m.generatedAt, l);
  const title = t(l, 'annualReport', { year: m.year });
  const withStatus = m.statuses.filter((s) => s.key !== null).reduce((a, s) => a + s.count, 0);
  const prev = m.year - 1;
  const before = m.statuses.reduce((a, s) => a + s.previous, 0);

  const action = (a: ReportAction) => `<article class="action">
<h4><span class="ref">${esc(a.reference)}</span>${shown(a.title, l)}</h4>
<p class="meta">${[
    `${esc(t(l, 'status'))}: ${esc(a.status ?? t(l, 'notStated'))}`,
    `${esc(t(l, 'progress'))}: ${esc((a.progress === null ? t(l, 'notStated') : formatPercent(a.progress, l)))}`,
    a.sources.length ? `${esc(t(l, 'sources'))}: ${cites(a.sources)}` : '',
    a.assignedByEditors ? esc(t(l, 'assignedByEditors')) : '',
  ].filter(Boolean).join(' · ')}</p>
${a.narrative ? shown(a.narrative, l, 'p') : `<p class="muted">${esc(t(l, 'noNarrative'))}</p>`}
${a.obstacles.length ? `<h5>${esc(t(l, 'obstacles'))}</h5><ul>${a.obstacles.map((o) => `<li>${esc(o.text)}<br><span class="meta">${[`${t(l, 'severity')}: ${t(l, o.severity)}`, o.owner ? `${t(l, 'owner')}: ${o.owner}` : '', o.resolved ? t(l, 'resolved') : t(l, 'open')].filter(Boolean).map(esc).join(' · ')}</span></li>`).join('')}</ul>` : ''}
${a.highlights.length ? `<h5>${esc(t(l, 'highlights'))}</h5><ul>${a.highlights.map((x) => `<li><time datetime="${esc(x.date)}">${esc(formatDate(x.date, l))}</time>: ${shown(x.title, l)}${x.description ? `<br><span class="meta">${shown(x.description, l)}</span>` : ''}</li>`).join('')}</ul>` : ''}
</article>`;

  const official = m.official
    ? `<div class="box${m.official.unverified ? ' warn' : ''}">
<h4>${esc(t(l, 'officialTitle', { year: m.year }))}${m.official.unverified ? ` (${esc(t(l, 'unverified'))})` : ''}</h4>
<p>${esc(t(l, 'officialIntro', { total: m.announced }))}</p>
<ul>${m.official.counts.map((c) => `<li>${esc(c.name)}: ${c.count}</li>`).join('')}</ul>
${m.official.total !== null ? `<p>${esc(t(l, 'officialTotal', { n: m.official.total }))}</p>` : ''}
<p class="muted">${esc(t(l, 'source'))}: ${cites(m.official.sources)}</p>
</div>`
    : `<p class="muted">${esc(t(l, 'noOfficial', { year: m.year }))}</p>`;

  const notes = [
    esc(m.editorAssigned.length ? t(l, 'noteEditors', { refs: m.editorAssigned.join(', ') }) : t(l, 'noteNoEditors')),
    ...(m.official?.unverified ? [esc(t(l, 'noteUnverified', { year: m.year })), ...(m.official.note ? [shown(m.official.note, l)] : [])] : []),
    ...(!m.official ? [esc(t(l, 'noteOfficialNone', { year: m.year }))] : []),
    ...(m.planTitleWorking ? [esc(t(l, 'titleWorking'))] : []),
    esc(t(l, 'noteCounted')),
    esc(t(l, 'noteProgress')),
    esc(t(l, 'noteLanguage')),
  ];

  return `<!doctype html>
<html lang="${languageTag(l)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Koers">
<title>${esc(`${title} – ${m.planTitle.text}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="cover">
<div class="brand">KOERS</div>
<p class="region">${esc(m.region)}</p>
<h1>${esc(title)}</h1>
<p class="plan">${shown(m.planTitle, l)}</p>
${m.planTitleWorking ? `<p class="mark">${esc(t(l, 'titleWorking'))}</p>` : ''}
<p class="muted">${esc(t(l, 'period', { from: m.period.from, to: m.period.to }))}</p>
<p><strong>${esc(t(l, 'generatedOn', { date }))}</strong></p>
<p class="colophon">${esc(t(l, 'generatedFrom', { date }))}${m.lastChange ? ` ${esc(t(l, 'lastChange', { year: m.year, date: formatDate(m.lastChange, l) }))}` : ''} ${esc(t(l, 'notOfficial'))}</p>
</header>
<nav aria-labelledby="contents">
<h2 id="contents">${esc(t(l, 'contents'))}</h2>
<ol>
${entries.map((x) => `<li class="l${x.level}"><a href="#${x.id}"><span class="num-h">${esc(x.number)}</span>${esc(fullTitle(x))}</a></li>`).join('\n')}
</ol>
</nav>
<main>
<section>
${h(e('summary'))}
<p>${esc(t(l, 'recordedOf', { total: m.announced, n: m.recorded }))}</p>
<div class="figures">
<div class="figure"><b>${m.recorded}</b>${esc(t(l, 'figRecorded', { total: m.announced }))}</div>
<div class="figure"><b>${m.reported}</b>${esc(t(l, 'figReported', { year: m.year }))}</div>
<div class="figure"><b>${withStatus}</b>${esc(t(l, 'figWithStatus'))}</div>
</div>
${m.reported === 0 ? `<p>${esc(t(l, 'noReports', { year: m.year }))}</p>` : `<p>${esc(t(l, 'reportedIn', { year: m.year, n: m.reported }))}</p>
<ul>${m.statuses.filter((s) => s.count > 0).map((s) => `<li>${esc(s.name)}: ${s.count}</li>`).join('')}</ul>`}
${official}
</section>
<section>
${h(e('status-distribution'))}
<p>${esc(t(l, 'distributionIntro', { n: m.reported, year: m.year }))}</p>
${htmlTable(
  [t(l, 'colStatus'), t(l, 'colCount'), t(l, 'colShare')],
  m.statuses.map((s) => [s.name, String(s.count), formatShare(s.count, m.reported, l)]),
  [t(l, 'total'), String(m.reported), m.reported ? formatPercent(100, l) : '–'],
  t(l, 'tableCaption', { n: 1, title: t(l, 'statusDistribution') }),
)}
<figure>
<figcaption>${esc(t(l, 'chartCaption', { year: m.year }))}</figcaption>
${svgBarChart(m.statuses.map((s) => ({ label: s.name, value: s.count, muted: s.key === null })), t(l, 'chartLabel', { year: m.year }))}
</figure>
</section>
<section>
${h(e('change'))}
<p>${esc(t(l, 'changeIntro', { prev, year: m.year }))}</p>
${prev < m.period.from ? `<p class="muted">${esc(t(l, 'beforePeriod', { prev, from: m.period.from, to: m.period.to }))}</p>` : ''}
${htmlTable(
  [t(l, 'colStatus'), String(prev), String(m.year), t(l, 'colDifference')],
  m.statuses.map((s) => [s.name, String(s.previous), String(s.count), formatDifference(s.count - s.previous)]),
  [t(l, 'total'), String(before), String(m.reported), formatDifference(m.reported - before)],
  t(l, 'tableCaption', { n: 2, title: e('change').title }),
)}
</section>
<section>
${h(e('flagships'))}
${m.flagships
  .map((f) => {
    const x = e(`flagship-${f.code}`);
    return `<section>
<h3 id="${x.id}"><span class="num-h">${esc(x.number)}</span>${esc(t(l, 'flagship', { code: f.code }))}: ${shown(f.title, l)}</h3>
<p class="meta">${esc(t(l, 'flagshipProgress', { year: m.year }))}: <strong>${esc(formatPercent(f.progress, l))}</strong>${f.progress !== null ? ` <progress max="100" value="${f.progress}">${esc(formatPercent(f.progress, l))}</progress>` : ''}</p>
<p class="meta">${esc(t(l, 'actionsWithReport', { year: m.year, n: f.actions.length }))}${f.sources.length ? ` · ${esc(t(l, 'source'))}: ${cites(f.sources)}` : ''}</p>
${f.actions.length ? f.actions.map(action).join('\n') : `<p class="muted">${esc(t(l, 'noActions', { year: m.year }))}</p>`}
</section>`;
  })
  .join('\n')}
</section>
<section>
${h(e('unassigned'))}
<p class="muted">${esc(m.unassigned.length ? t(l, 'actionsWithReport', { year: m.year, n: m.unassigned.length }) : t(l, 'noActions', { year: m.year }))}</p>
${m.unassigned.map(action).join('\n')}
</section>
<section>
${h(e('about'))}
<p>${esc(t(l, 'aboutIntro', { date }))}</p>
<p>${esc(t(l, 'notOfficial'))}</p>
<h3>${esc(t(l, 'planSource'))}</h3>
<p>${shown(m.planTitle, l)}<br>${link(m.planSourceUrl)}</p>
<h3>${esc(t(l, 'sourcesCited'))}</h3>
${m.sources.length ? `<ol class="sources">${m.sources.map((s) => `<li id="source-${s.n}" value="${s.n}">${esc(s.title)}${s.publisher ? `<br><span class="meta">${esc(s.publisher)}</span>` : ''}<br>${link(s.url)}</li>`).join('\n')}</ol>` : `<p class="muted">${esc(t(l, 'noSources'))}</p>`}
<h3>${esc(t(l, 'notes'))}</h3>
<ul>${notes.map((n) => `<li>${n}</li>`).join('\n')}</ul>
</section>
</main>
</body>
</html>
`;
}
