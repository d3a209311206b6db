import type PDFDocument from 'pdfkit';
import { COLOR, CONTENT_WIDTH, FONT, LINE_GAP, MARGIN, SIZE } from './pdf-style.ts';
import { toWinAnsi } from './win-ansi.ts';
import { fullTitle, type OutlineEntry } from './report-outline.ts';

// Drawing primitives of the report. All text goes through `say`, which maps it into WinAnsi.

export type Doc = InstanceType<typeof PDFDocument>;
type TextOptions = PDFKit.Mixins.TextOptions;
type Font = (typeof FONT)[keyof typeof FONT];

export function style(doc: Doc, font: Font, size: number, color: string = COLOR.text): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

export function say(doc: Doc, text: string, x: number | undefined, y: number | undefined, options: TextOptions = {}): Doc {
  return x === undefined ? doc.text(toWinAnsi(text), options) : doc.text(toWinAnsi(text), x, y, options);
}

export const measure = (doc: Doc, font: Font, size: number) => (text: string) => doc.font(font).fontSize(size).widthOfString(toWinAnsi(text));

/** The page being written (0-based). Content is always appended, so it is the last buffered page. */
export function pageIndex(doc: Doc): number {
  const r = doc.bufferedPageRange();
  return r.start + r.count - 1;
}

/** Starts a new page unless `height` still fits below the cursor. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** Section pages (0-based) by outline id, filled in as headings are drawn; the TOC reads them. */
export type PageLog = Map<string, number>;

export function heading1(doc: Doc, e: OutlineEntry, newPage: boolean, pages: PageLog): PDFKit.PDFOutline {
  if (newPage) doc.addPage();
  else {
    ensureSpace(doc, 150);
    doc.y += 26;
  }
  pages.set(e.id, pageIndex(doc));
  doc.addNamedDestination(e.id, 'XYZ', null, doc.y - 8, null);
  const item = doc.outline.addItem(`${e.number}  ${fullTitle(e)}`);
  const top = doc.y;
  style(doc, FONT.bold, SIZE.h1, COLOR.accent);
  say(doc, e.number, MARGIN.left, top, { lineBreak: false });
  say(doc, e.title, MARGIN.left + 30, top, { width: CONTENT_WIDTH - 30 });
  const ruleY = doc.y + 6;
  doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + CONTENT_WIDTH, ruleY).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
  doc.y = ruleY + 16;
  return item;
}

/** `keep`: room needed below the heading so it is not left alone at the foot of a page. */
export function heading2(doc: Doc, e: OutlineEntry, parent: PDFKit.PDFOutline, pages: PageLog, keep = 120): void {
  ensureSpace(doc, keep);
  doc.y += 14;
  pages.set(e.id, pageIndex(doc));
  doc.addNamedDestination(e.id, 'XYZ', null, doc.y - 8, null);
  parent.addItem(`${e.number}  ${fullTitle(e)}`);
  const top = doc.y;
  style(doc, FONT.bold, SIZE.h2, COLOR.accent);
  say(doc, e.number, MARGIN.left, top, { lineBreak: false });
  say(doc, e.mark ? `${e.title} ` : e.title, MARGIN.left + 34, top, { width: CONTENT_WIDTH - 34, lineGap: 1, continued: !!e.mark });
  if (e.mark) {
    style(doc, FONT.italic, SIZE.body, COLOR.muted);
    say(doc, e.mark, undefined, undefined, { width: CONTENT_WIDTH - 34, lineGap: 1 });
  }
  doc.y += 6;
}

export function heading3(doc: Doc, text: string, indent = 0): void {
  ensureSpace(doc, 46);
  doc.y += 4;
  style(doc, FONT.bold, SIZE.h3, COLOR.text);
  say(doc, text, MARGIN.left + indent, doc.y, { width: CONTENT_WIDTH - indent });
  doc.y += 3;
}

type ParagraphOptions = { size?: number; color?: string; font?: Font; indent?: number; gapAfter?: number; mark?: string };

/** Paragraphs split on newlines; `mark` (e.g. "(Engels)") leads the first one, in italics. */
export function paragraph(doc: Doc, text: string, { size = SIZE.body, color = COLOR.text, font = FONT.regular, indent = 0, gapAfter = 6, mark }: ParagraphOptions = {}): void {
  const paras = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  paras.forEach((p, i) => {
    ensureSpace(doc, size * 2.8);
    const width = CONTENT_WIDTH - indent;
    if (mark && i === 0) {
      style(doc, FONT.italic, size, COLOR.muted);
      say(doc, `${mark} `, MARGIN.left + indent, doc.y, { width, lineGap: LINE_GAP, continued: true });
      style(doc, font, size, color);
      say(doc, p, undefined, undefined, { width, lineGap: LINE_GAP });
    } else {
      style(doc, font, size, color);
      say(doc, p, MARGIN.left + indent, doc.y, { width, lineGap: LINE_GAP });
    }
    doc.y += gapAfter;
  });
}

/** Small grey "label: value · label: value" line. */
export function metaLine(doc: Doc, parts: string[], indent = 0): void {
  style(doc, FONT.regular, SIZE.small, COLOR.muted);
  say(doc, parts.filter(Boolean).join('  ·  '), MARGIN.left + indent, doc.y, { width: CONTENT_WIDTH - indent, lineGap: 1.5 });
  doc.y += 4;
}

export function bullet(doc: Doc, text: string, { indent = 0, size = SIZE.body, color = COLOR.text, sub }: { indent?: number; size?: number; color?: string; sub?: string } = {}): void {
  ensureSpace(doc, size * 2.6);
  const x = MARGIN.left + indent;
  const top = doc.y;
  style(doc, FONT.regular, size, COLOR.accent);
  say(doc, '•', x, top, { lineBreak: false });
  style(doc, FONT.regular, size, color);
  say(doc, text, x + 12, top, { width: CONTENT_WIDTH - indent - 12, lineGap: 1.8 });
  if (sub) {
    style(doc, FONT.regular, SIZE.small, COLOR.muted);
    say(doc, sub, x + 12, doc.y + 1, { width: CONTENT_WIDTH - indent - 12 });
  }
  doc.y += 4;
}

export function rule(doc: Doc, color: string = COLOR.rule, indent = 0): void {
  doc.moveTo(MARGIN.left + indent, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(color).stroke();
}

export function progressBar(doc: Doc, x: number, y: number, width: number, pct: number): void {
  doc.roundedRect(x, y, width, 5, 2.5).fill(COLOR.accentSoft);
  if (pct > 0) doc.roundedRect(x, y, Math.max(5, (width * Math.min(pct, 100)) / 100), 5, 2.5).fill(COLOR.bar);
}

export function caption(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  style(doc, FONT.bold, SIZE.small, COLOR.muted);
  say(doc, text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.y += 5;
}
