import PDFDocument from 'pdfkit';
import { COLOR, CONTENT_WIDTH, FONT, FOOTER_Y, MARGIN, SIZE } from './pdf-style.ts';
import { measure, say, style, type Doc, type PageLog } from './pdf-blocks.ts';
import { fitText, pageLabel } from './pdf-measure.ts';
import { drawCover } from './pdf-cover.ts';
import { drawToc, planToc } from './pdf-toc.ts';
import { about, change, distribution, flagships, summary, unassigned } from './pdf-sections.ts';
import { reportOutline } from './report-outline.ts';
import type { ReportModel } from './report-model.ts';
import { languageTag, t } from './report-format.ts';
import { reportTexts } from './report-texts.ts';

const FIRST_TOC_PAGE = 1; // right after the cover

/**
 * Cover, reserved TOC page(s), then the content while noting each section's page; then the TOC is
 * written into the reserved pages and every page gets its footer ("pagina X van Y").
 */
export function renderReportPdf(m: ReportModel): Promise<Buffer> {
  const title = `${t(m.lang, 'annualReport', { year: m.year })} – ${m.planTitle.text}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: languageTag(m.lang),
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: 'Koers', Subject: m.planTitle.text, Creator: 'Koers', Keywords: `${m.region}; ${m.year}`, CreationDate: m.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const entries = reportOutline(m);
  const byId = (id: string) => entries.find((e) => e.id === id)!;
  drawCover(doc, m);
  const toc = planToc(doc, entries);
  for (let i = 0; i < toc.pages; i++) doc.addPage();

  const pages: PageLog = new Map();
  summary(doc, m, byId('summary'), pages);
  distribution(doc, m, byId('status-distribution'), pages);
  change(doc, m, byId('change'), pages);
  flagships(doc, m, byId('flagships'), pages, entries.filter((e) => e.level === 2));
  unassigned(doc, m, byId('unassigned'), pages);
  about(doc, m, byId('about'), pages);

  drawToc(doc, reportTexts[m.lang].contents, toc, FIRST_TOC_PAGE, pages);
  drawFooters(doc, `Koers · ${t(m.lang, 'annualReport', { year: m.year })} · ${m.region}`, reportTexts[m.lang].page);
  doc.end();
  return done;
}

/** The running footer on every page, written last when the page count is known. */
function drawFooters(doc: Doc, left: string, template: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // writing inside the bottom margin must not make pdfkit start a new page
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.moveTo(MARGIN.left, FOOTER_Y - 8).lineTo(MARGIN.left + CONTENT_WIDTH, FOOTER_Y - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    const label = pageLabel(template, i - start, count);
    const width = measure(doc, FONT.regular, SIZE.footer);
    style(doc, FONT.regular, SIZE.footer, COLOR.muted);
    say(doc, fitText(left, CONTENT_WIDTH - width(label) - 24, width), MARGIN.left, FOOTER_Y, { lineBreak: false });
    style(doc, FONT.regular, SIZE.footer, COLOR.muted);
    say(doc, label, MARGIN.left + CONTENT_WIDTH - width(label), FOOTER_Y, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
