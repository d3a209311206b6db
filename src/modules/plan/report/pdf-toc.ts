import { COLOR, CONTENT_WIDTH, FONT, MARGIN, PAGE, SIZE } from './pdf-style.ts';
import { measure, say, style, type Doc } from './pdf-blocks.ts';
import { layoutToc, wrapWords, type TocSlot } from './pdf-measure.ts';
import { fullTitle, type OutlineEntry } from './report-outline.ts';

// The table of contents is laid out before the content (to reserve its pages) and drawn after it
// (when every section's page is known).

const NUMBER_COL = { 1: 30, 2: 34 } as const;
const INDENT = { 1: 0, 2: 30 } as const;
const PAGE_COL = 40;
const LINE = { 1: 15, 2: 13.5 } as const;
const SPACE_BEFORE = { 1: 11, 2: 3 } as const;
const fontOf = (level: 1 | 2) => (level === 1 ? FONT.bold : FONT.regular);
const sizeOf = (level: 1 | 2) => (level === 1 ? 10.5 : 9.5);
const HEADING_BLOCK = 62;

export type TocPlan = { rows: Array<{ entry: OutlineEntry; lines: string[]; height: number }>; slots: TocSlot[]; pages: number };

export function planToc(doc: Doc, entries: OutlineEntry[]): TocPlan {
  const rows = entries.map((entry) => {
    const l = entry.level;
    const width = CONTENT_WIDTH - INDENT[l] - NUMBER_COL[l] - PAGE_COL;
    const lines = wrapWords(fullTitle(entry), width, measure(doc, fontOf(l), sizeOf(l)));
    return { entry, lines, height: SPACE_BEFORE[l] + lines.length * LINE[l] };
  });
  const { slots, pages } = layoutToc(
    rows.map((r) => r.height),
    { firstTop: MARGIN.top + HEADING_BLOCK, top: MARGIN.top, bottom: PAGE.height - MARGIN.bottom },
  );
  return { rows, slots, pages };
}

/** Draws the planned TOC on its reserved pages; `pageOf` gives each entry's 0-based page. */
export function drawToc(doc: Doc, title: string, plan: TocPlan, firstPage: number, pageOf: Map<string, number>): void {
  doc.switchToPage(firstPage);
  style(doc, FONT.bold, SIZE.h1, COLOR.accent);
  say(doc, title, MARGIN.left, MARGIN.top, { lineBreak: false });
  const ruleY = MARGIN.top + 32;
  doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + CONTENT_WIDTH, ruleY).lineWidth(0.75).strokeColor(COLOR.rule).stroke();

  plan.rows.forEach(({ entry, lines }, i) => {
    const slot = plan.slots[i]!;
    const l = entry.level;
    doc.switchToPage(firstPage + slot.page);
    const top = slot.y + SPACE_BEFORE[l];
    const x = MARGIN.left + INDENT[l];
    const textX = x + NUMBER_COL[l];
    const color = l === 1 ? COLOR.accent : COLOR.text;
    style(doc, fontOf(l), sizeOf(l), color);
    say(doc, entry.number, x, top, { lineBreak: false });
    lines.forEach((line, j) => say(doc, line, textX, top + j * LINE[l], { lineBreak: false }));

    const page = pageOf.get(entry.id);
    const label = page === undefined ? '' : String(page + 1);
    const lastY = top + (lines.length - 1) * LINE[l];
    const endOfText = textX + measure(doc, fontOf(l), sizeOf(l))(lines[lines.length - 1]!);
    const right = MARGIN.left + CONTENT_WIDTH;
    const labelW = measure(doc, fontOf(l), sizeOf(l))(label);
    style(doc, fontOf(l), sizeOf(l), color);
    say(doc, label, right - labelW, lastY, { lineBreak: false });
    // dotted leader on the baseline of the last line
    const baseline = lastY + sizeOf(l) * 0.78;
    if (right - labelW - 6 > endOfText + 6) {
      doc.moveTo(endOfText + 6, baseline).lineTo(right - labelW - 6, baseline).lineWidth(0.8).lineCap('round').dash(0.1, { space: 3 }).strokeColor(COLOR.muted).stroke();
      doc.undash().lineCap('butt');
    }
    doc.goTo(MARGIN.left, top - 2, CONTENT_WIDTH, lines.length * LINE[l] + 2, entry.id);
  });
}
