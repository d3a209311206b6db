import { COLOR, CONTENT_WIDTH, FONT, MARGIN, PAGE, SIZE } from './pdf-style.ts';
import { say, style, type Doc } from './pdf-blocks.ts';
import type { ReportModel } from './report-model.ts';
import { formatDate, languageMark, t } from './report-format.ts';

export function drawCover(doc: Doc, m: ReportModel): void {
  const l = m.lang;
  doc.rect(0, 0, PAGE.width, 6).fill(COLOR.accent);
  style(doc, FONT.bold, 9, COLOR.accent);
  say(doc, 'KOERS', MARGIN.left, MARGIN.top - 20, { lineBreak: false, characterSpacing: 2 });

  let y = 250;
  style(doc, FONT.bold, 10, COLOR.muted);
  say(doc, m.region.toUpperCase(), MARGIN.left, y, { lineBreak: false, characterSpacing: 1.2 });
  y += 22;
  style(doc, FONT.bold, SIZE.cover, COLOR.accent);
  say(doc, t(l, 'annualReport', { year: m.year }), MARGIN.left, y, { width: CONTENT_WIDTH });
  y = doc.y + 14;
  doc.rect(MARGIN.left, y, 56, 3).fill(COLOR.accent);
  y += 20;
  style(doc, FONT.regular, 15, COLOR.text);
  say(doc, m.planTitle.text, MARGIN.left, y, { width: CONTENT_WIDTH * 0.86, lineGap: 3 });
  const note = [languageMark(m.planTitle, l), m.planTitleWorking ? t(l, 'titleWorking') : ''].filter(Boolean).join(' ');
  if (note) {
    style(doc, FONT.italic, 9.5, COLOR.muted);
    say(doc, note, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH });
  }
  style(doc, FONT.regular, 11, COLOR.muted);
  say(doc, t(l, 'period', { from: m.period.from, to: m.period.to }), MARGIN.left, doc.y + 12, { width: CONTENT_WIDTH });

  const date = formatDate(m.generatedAt, l);
  const lines = [
    t(l, 'generatedFrom', { date }),
    ...(m.lastChange ? [t(l, 'lastChange', { year: m.year, date: formatDate(m.lastChange, l) })] : []),
    t(l, 'notOfficial'),
  ];
  y = 650;
  doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  style(doc, FONT.bold, 10, COLOR.text);
  say(doc, t(l, 'generatedOn', { date }), MARGIN.left, y + 14, { width: CONTENT_WIDTH });
  style(doc, FONT.regular, 9, COLOR.muted);
  for (const line of lines) say(doc, line, MARGIN.left, doc.y + 4, { width: CONTENT_WIDTH, lineGap: 1.5 });
}
