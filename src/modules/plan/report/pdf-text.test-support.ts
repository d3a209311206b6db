import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Tests read the PDF back with a real parser (pdfjs-dist): one string per page, and the metadata.
export async function readPdf(pdf: Buffer): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
    }
    return { pages, info: (await doc.getMetadata()).info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}
