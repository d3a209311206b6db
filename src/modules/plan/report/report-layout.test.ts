import { describe, expect, it } from 'vitest';
import { fitText, layoutToc, niceTicks, pageLabel, wrapWords } from './pdf-measure.ts';
import { toWinAnsi } from './win-ansi.ts';
import { pickText } from './report-model.ts';
import { reportOutline } from './report-outline.ts';
import { renderReportPdf } from './annual-report.pdf.ts';
import { renderReportHtml } from './annual-report.html.ts';
import { fixtureModel } from './annual-report.fixture.ts';
import { readPdf } from './pdf-text.test-support.ts';

const chars = (s: string) => s.length * 5; // a monospace stand-in for font metrics

describe('layout helpers', () => {
  it('wraps words within the width and cuts a word longer than a line', () => {
    expect(wrapWords('aa bb cc dd', 25, chars)).toEqual(['aa bb', 'cc dd']);
    expect(wrapWords('https://example.org/very/long', 50, chars)).toEqual(['https://ex', 'ample.org/', 'very/long']);
    expect(wrapWords('', 50, chars)).toEqual(['']);
  });

  it('shortens text with an ellipsis only when it does not fit', () => {
    expect(fitText('short', 100, chars)).toBe('short');
    const cut = fitText('a rather long footer line', 60, chars);
    expect(cut.endsWith('…')).toBe(true);
    expect(chars(cut)).toBeLessThanOrEqual(60);
  });

  it('places TOC rows on as many pages as needed, never splitting a row', () => {
    expect(layoutToc([20, 20, 20], { firstTop: 100, top: 50, bottom: 200 })).toEqual({ slots: [{ page: 0, y: 100 }, { page: 0, y: 120 }, { page: 0, y: 140 }], pages: 1 });
    const two = layoutToc([40, 40, 40, 40], { firstTop: 100, top: 50, bottom: 200 });
    expect(two.pages).toBe(2);
    expect(two.slots.map((s) => s.page)).toEqual([0, 0, 1, 1]);
    expect(two.slots[2]!.y).toBe(50);
  });

  it('numbers pages from 1 and picks round gridlines', () => {
    expect(pageLabel('pagina {n} van {total}', 0, 12)).toBe('pagina 1 van 12');
    expect(pageLabel('page {n} of {total}', 11, 12)).toBe('page 12 of 12');
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('maps text into the PDF font: keeps é ë ç ü and €, replaces what the font lacks, never throws', () => {
    expect(toWinAnsi('Geïntegreerd é ë ç ü € “x” – — …')).toBe('Geïntegreerd é ë ç ü € “x” – — …');
    expect(toWinAnsi('rocket 🚀 ❤️ ok')).toBe('rocket ? ? ok');
    expect(toWinAnsi('Łódź ő ș ā')).toBe('Lódz o s a');
    expect(toWinAnsi('45\u202F% a\u200Bb\r\nc\td')).toBe('45\u00A0% ab\nc    d');
    const random = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint((i * 7919) % 0x2ffff)).join('');
    expect(() => toWinAnsi(random)).not.toThrow();
    for (const c of toWinAnsi(random)) expect(c === '\n' || /[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/.test(c)).toBe(true);
  });

  it('picks the report language, else nl, en, fr, and says which one it shows', () => {
    expect(pickText({ nl: 'x', en: 'y' }, 'nl')).toEqual({ text: 'x', lang: null });
    expect(pickText({ en: 'y', fr: 'z' }, 'nl')).toEqual({ text: 'y', lang: 'en' });
    expect(pickText({ nl: 'x', fr: 'z' }, 'en')).toEqual({ text: 'x', lang: 'nl' });
    expect(pickText({ fr: '  ' }, 'en')).toBeNull();
  });
});

describe('PDF layout', () => {
  it('lists every section in the TOC with the page its heading is on, and numbers every page', async () => {
    const model = fixtureModel('nl');
    const { pages } = await readPdf(await renderReportPdf(model));
    pages.forEach((p, i) => expect(p).toContain(`pagina ${i + 1} van ${pages.length}`));
    const toc = pages[1]!.replace(/\s+/g, ' ');
    expect(toc).toContain('Inhoud');
    for (const e of reportOutline(model)) {
      const at = toc.indexOf(`${e.number} ${e.title.slice(0, 20)}`);
      expect(at, e.title).toBeGreaterThan(-1);
      const n = Number(/ (\d+) /.exec(toc.slice(at + e.number.length + e.title.length))![1]);
      const first = pages.findIndex((p, i) => i > 1 && p.replace(/\s+/g, ' ').includes(e.title.slice(0, 20)));
      expect(first + 1, e.title).toBe(n);
    }
  });

  it('wraps a long narrative over pages and draws characters outside the font as ?', async () => {
    const { pages } = await readPdf(await renderReportPdf(fixtureModel('en')));
    const all = pages.join('\n');
    const first = pages.findIndex((p) => p.includes('Paragraph 1:'));
    const last = pages.findIndex((p) => p.includes('Paragraph 14:'));
    expect(last).toBeGreaterThan(first);
    expect(all).toContain('Emoji ? and o s a “quotes” – dash');
    expect(all).toContain('A-VERY-LONG-REFERENCE-01');
    expect(all.replace(/\s+/g, ' ')).toContain('Official published figures for 2024 (unverified)');
  });

  it('writes HTML without script, with the language marked where a text is not in the report language', () => {
    const html = renderReportHtml(fixtureModel('nl'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<span class="mark">(Engels)</span>');
    expect(html).toContain('lang="en-GB"');
  });
});
