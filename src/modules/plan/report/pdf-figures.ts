import { COLOR, CONTENT_WIDTH, FONT, MARGIN, SIZE } from './pdf-style.ts';
import { ensureSpace, measure, say, style, type Doc } from './pdf-blocks.ts';
import { fitText, niceTicks } from './pdf-measure.ts';
import { toWinAnsi } from './win-ansi.ts';

// Figures: key-figure tiles, tables, the status bar chart, and framed notes.

export function keyFigures(doc: Doc, items: Array<{ value: string; label: string }>): void {
  const gap = 12;
  const w = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length;
  style(doc, FONT.regular, SIZE.small);
  const labelH = Math.max(...items.map((i) => doc.heightOfString(toWinAnsi(i.label), { width: w - 24 })));
  const h = 14 + 26 + 6 + labelH + 14;
  ensureSpace(doc, h + 10);
  const top = doc.y;
  items.forEach((item, i) => {
    const x = MARGIN.left + i * (w + gap);
    doc.rect(x, top, w, h).fill(COLOR.accentSoft);
    doc.rect(x, top, 3, h).fill(COLOR.accent);
    style(doc, FONT.bold, 24, COLOR.accent);
    say(doc, item.value, x + 14, top + 14, { lineBreak: false });
    style(doc, FONT.regular, SIZE.small, COLOR.text);
    say(doc, item.label, x + 14, top + 46, { width: w - 24 });
  });
  doc.y = top + h + 14;
}

export type Column = { header: string; width: number; align?: 'left' | 'right' };

/** A table with a header row, zebra rows and an optional bold total row; the header repeats after a page break. */
export function table(doc: Doc, cols: Column[], rows: string[][], { total }: { total?: string[] } = {}): void {
  const pad = 6;
  const sum = cols.reduce((s, c) => s + c.width, 0);
  const widths = cols.map((c) => (c.width / sum) * CONTENT_WIDTH);
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const height = (cells: string[], font: string) => {
    doc.font(font).fontSize(9.5);
    return Math.max(...cells.map((c, i) => doc.heightOfString(toWinAnsi(c), { width: widths[i]! - 2 * pad }))) + 2 * 5;
  };
  const drawRow = (cells: string[], font: (typeof FONT)[keyof typeof FONT], fill: string | null, color: string = COLOR.text) => {
    const h = height(cells, font);
    const top = doc.y;
    if (fill) doc.rect(MARGIN.left, top, CONTENT_WIDTH, h).fill(fill);
    cells.forEach((c, i) => {
      style(doc, font, 9.5, color);
      say(doc, c, xs[i]! + pad, top + 5, { width: widths[i]! - 2 * pad, align: cols[i]!.align ?? 'left' });
    });
    doc.y = top + h;
  };
  const header = () => {
    drawRow(cols.map((c) => c.header), FONT.bold, null, COLOR.accent);
    doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(1).strokeColor(COLOR.accent).stroke();
  };
  ensureSpace(doc, height(cols.map((c) => c.header), FONT.bold) + height(rows[0] ?? [''], FONT.regular) + 4);
  header();
  rows.forEach((r, i) => {
    if (doc.y + height(r, FONT.regular) > doc.page.maxY()) {
      doc.addPage();
      header();
    }
    drawRow(r, FONT.regular, i % 2 === 1 ? COLOR.zebra : null);
  });
  if (total) {
    ensureSpace(doc, height(total, FONT.bold));
    doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(0.75).strokeColor(COLOR.text).stroke();
    drawRow(total, FONT.bold, null);
  }
  doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.y += 16;
}

const BAR_ROW = 22;
export const barChartHeight = (rows: number) => rows * BAR_ROW + 22;

/** Horizontal bars with vector shapes: one row per label, gridlines at round values. */
export function barChart(doc: Doc, rows: Array<{ label: string; value: number; muted?: boolean }>): void {
  const labelW = 150;
  const valueW = 28;
  const barX = MARGIN.left + labelW;
  const areaW = CONTENT_WIDTH - labelW - valueW;
  const rowH = BAR_ROW;
  const ticks = niceTicks(Math.max(...rows.map((r) => r.value), 1));
  const top = Math.max(...ticks);
  const h = barChartHeight(rows.length);
  ensureSpace(doc, h + 10);
  const y0 = doc.y;
  const xOf = (v: number) => barX + (areaW * v) / top;
  style(doc, FONT.regular, 7.5, COLOR.muted);
  for (const tick of ticks) {
    doc.moveTo(xOf(tick), y0).lineTo(xOf(tick), y0 + rows.length * rowH).lineWidth(0.4).strokeColor(tick === 0 ? COLOR.muted : COLOR.rule).stroke();
    const label = String(tick);
    say(doc, label, xOf(tick) - doc.widthOfString(label) / 2, y0 + rows.length * rowH + 5, { lineBreak: false });
  }
  rows.forEach((r, i) => {
    const y = y0 + i * rowH;
    style(doc, FONT.regular, 9, COLOR.text);
    say(doc, fitText(r.label, labelW - 10, measure(doc, FONT.regular, 9)), MARGIN.left, y + 6, { lineBreak: false });
    if (r.value > 0) doc.rect(barX, y + 5, xOf(r.value) - barX, rowH - 10).fill(r.muted ? COLOR.barMuted : COLOR.bar);
    style(doc, FONT.bold, 9, COLOR.text);
    say(doc, String(r.value), xOf(r.value) + 5, y + 6, { lineBreak: false });
  });
  doc.y = y0 + h + 8;
}

type NoteLine = { text: string; mark?: string; muted?: boolean };

/** A framed block with a coloured left edge; 'warn' for figures that are unverified. */
export function noteBox(doc: Doc, title: string, lines: NoteLine[], tone: 'info' | 'warn' = 'info'): void {
  const pad = 12;
  const width = CONTENT_WIDTH - 2 * pad - 3;
  const body = (l: NoteLine) => (l.mark ? `${l.mark} ${l.text}` : l.text);
  style(doc, FONT.bold, SIZE.h3);
  let h = pad + doc.heightOfString(toWinAnsi(title), { width }) + 6;
  style(doc, FONT.regular, 9.5);
  for (const l of lines) h += doc.heightOfString(toWinAnsi(body(l)), { width, lineGap: 1.8 }) + 5;
  h += pad - 5;
  ensureSpace(doc, Math.min(h, doc.page.maxY() - doc.page.margins.top));
  const top = doc.y;
  const [edge, fill] = tone === 'warn' ? [COLOR.warn, COLOR.warnSoft] : [COLOR.accent, COLOR.accentSoft];
  doc.rect(MARGIN.left, top, CONTENT_WIDTH, h).fill(fill);
  doc.rect(MARGIN.left, top, 3, h).fill(edge);
  const x = MARGIN.left + 3 + pad;
  style(doc, FONT.bold, SIZE.h3, tone === 'warn' ? COLOR.warn : COLOR.accent);
  say(doc, title, x, top + pad, { width });
  doc.y += 6;
  for (const l of lines) {
    if (l.mark) {
      style(doc, FONT.italic, 9.5, COLOR.muted);
      say(doc, `${l.mark} `, x, doc.y, { width, lineGap: 1.8, continued: true });
      style(doc, FONT.regular, 9.5, l.muted ? COLOR.muted : COLOR.text);
      say(doc, l.text, undefined, undefined, { width, lineGap: 1.8 });
    } else {
      style(doc, FONT.regular, 9.5, l.muted ? COLOR.muted : COLOR.text);
      say(doc, l.text, x, doc.y, { width, lineGap: 1.8 });
    }
    doc.y += 5;
  }
  doc.y = top + h + 14;
}
