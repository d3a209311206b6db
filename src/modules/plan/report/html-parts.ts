import type { Locale } from '../../../platform/i18n/localized.ts';
import type { Shown } from './report-model.ts';
import { languageMark, languageTag } from './report-format.ts';
import { niceTicks } from './pdf-measure.ts';

// Small HTML builders for the standalone report page. Every data text passes through `esc`.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => entities[c]!);

/** A link for http(s) addresses only; anything else is shown as text. */
export const link = (url: string) => (/^https?:\/\//i.test(url) ? `<a href="${esc(url)}">${esc(url)}</a>` : esc(url));

/** A data text with its language marked when it is not the report's. */
export function shown(s: Shown | null, lang: Locale, tag: 'span' | 'p' = 'span'): string {
  if (!s) return '';
  const mark = languageMark(s, lang);
  const attr = s.lang ? ` lang="${languageTag(s.lang)}"` : '';
  if (tag === 'p') {
    const paras = s.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
    return paras.map((p, i) => `<p${attr}>${i === 0 && mark ? `<span class="mark" lang="${languageTag(lang)}">${esc(mark)}</span> ` : ''}${esc(p)}</p>`).join('\n');
  }
  return `<span${attr}>${esc(s.text)}</span>${mark ? ` <span class="mark">${esc(mark)}</span>` : ''}`;
}

export function htmlTable(headers: string[], rows: string[][], total: string[] | null, caption: string): string {
  const num = (i: number) => (i > 0 ? ' class="num"' : '');
  return `<table>
<caption>${esc(caption)}</caption>
<thead><tr>${headers.map((h, i) => `<th scope="col"${num(i)}>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${num(i)}>${esc(c)}</td>`)).join('')}</tr>`).join('\n')}
</tbody>${total ? `\n<tfoot><tr>${total.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${num(i)}>${esc(c)}</td>`)).join('')}</tr></tfoot>` : ''}
</table>`;
}

/** The status bar chart as inline SVG (no script, no external file). */
export function svgBarChart(rows: Array<{ label: string; value: number; muted: boolean }>, label: string): string {
  const labelW = 190;
  const areaW = 360;
  const rowH = 28;
  const ticks = niceTicks(Math.max(...rows.map((r) => r.value), 1));
  const top = Math.max(...ticks);
  const h = rows.length * rowH + 24;
  const x = (v: number) => labelW + (areaW * v) / top;
  const grid = ticks
    .map((v) => `<line x1="${x(v)}" y1="0" x2="${x(v)}" y2="${rows.length * rowH}" stroke="${v === 0 ? '#5c6670' : '#cfd6de'}" stroke-width="1"/><text x="${x(v)}" y="${rows.length * rowH + 16}" font-size="11" text-anchor="middle" fill="#5c6670">${v}</text>`)
    .join('');
  const bars = rows
    .map((r, i) => {
      const y = i * rowH;
      return `<text x="0" y="${y + 18}" font-size="13" fill="#1f2328">${esc(r.label)}</text>` +
        (r.value > 0 ? `<rect x="${labelW}" y="${y + 6}" width="${x(r.value) - labelW}" height="${rowH - 12}" fill="${r.muted ? '#b9c2cc' : '#2c6597'}"/>` : '') +
        `<text x="${x(r.value) + 6}" y="${y + 18}" font-size="13" font-weight="bold" fill="#1f2328">${r.value}</text>`;
    })
    .join('\n');
  return `<svg class="chart" viewBox="0 0 ${labelW + areaW + 40} ${h}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(label)}</title>${grid}\n${bars}</svg>`;
}

export const REPORT_CSS = `
@page { size: A4; margin: 22mm 20mm 24mm; }
:root { --accent: #1b4f7d; --muted: #5c6670; --rule: #cfd6de; --soft: #e9eff5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem 4rem; font: 15px/1.55 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1f2328; overflow-wrap: anywhere; }
h1, h2, h3 { color: var(--accent); line-height: 1.25; }
h2 { font-size: 1.55rem; margin: 3rem 0 1rem; padding-bottom: .4rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.num-h { color: var(--accent); margin-right: .6rem; }
.cover { border-top: 6px solid var(--accent); padding: 3rem 0 2rem; margin-bottom: 2rem; border-bottom: 1px solid var(--rule); }
.cover .brand { font-weight: bold; letter-spacing: .15em; color: var(--accent); font-size: .8rem; }
.cover .region { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: bold; margin: 3rem 0 .3rem; }
.cover h1 { font-size: 2.4rem; margin: 0 0 1rem; }
.cover .plan { font-size: 1.25rem; margin: 0 0 .5rem; }
.muted, .mark, .meta, caption, .colophon { color: var(--muted); }
.mark { font-style: italic; font-size: .9em; }
.meta { font-size: .85rem; margin: .1rem 0 .5rem; }
nav ol { list-style: none; padding: 0; }
nav li { margin: .25rem 0; }
nav li.l2 { margin-left: 2rem; }
nav a { color: inherit; }
.figures { display: flex; gap: .8rem; margin: 1rem 0 1.4rem; }
.figure { flex: 1; background: var(--soft); border-left: 3px solid var(--accent); padding: .7rem .9rem; }
.figure b { display: block; font-size: 1.8rem; color: var(--accent); }
.box { background: var(--soft); border-left: 3px solid var(--accent); padding: .8rem 1rem; margin: 1rem 0; }
.box.warn { background: #fbf4e6; border-color: #8a5300; }
.box.warn h4 { color: #8a5300; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .93rem; }
caption { text-align: left; font-weight: bold; font-size: .85rem; padding-bottom: .3rem; }
th, td { padding: .35rem .5rem; text-align: left; border-bottom: 1px solid var(--rule); }
thead th { color: var(--accent); border-bottom: 2px solid var(--accent); }
tfoot th, tfoot td { font-weight: bold; border-top: 1px solid #1f2328; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; max-width: 40rem; }
figure { margin: 1rem 0 2rem; }
figcaption { font-weight: bold; font-size: .85rem; color: var(--muted); margin-bottom: .4rem; }
.action { margin: 1.2rem 0; padding: 0 0 1rem; border-bottom: 1px solid var(--rule); }
.action h4 { color: #1f2328; }
.ref { color: var(--accent); margin-right: .5rem; }
progress { width: 7rem; height: .5rem; vertical-align: middle; accent-color: var(--accent); }
.sources li { margin-bottom: .5rem; }
a { color: var(--accent); }
@media print { body { max-width: none; padding: 0; } h2 { break-before: page; } .action { break-inside: avoid; } }
`;
