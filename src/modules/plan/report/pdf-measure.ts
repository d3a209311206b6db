// Pure layout arithmetic, kept apart from pdfkit so it can be tested without drawing.

export type Measure = (text: string) => number;

/** Splits text into lines no wider than `width`; a word longer than a line is cut by characters. */
export function wrapWords(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Shortens text with an ellipsis so it fits `width`. */
export function fitText(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  let end = text.length;
  while (end > 0 && measure(`${text.slice(0, end).trimEnd()}…`) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

export type TocSlot = { page: number; y: number };

/**
 * Places TOC rows of the given heights on as few pages as needed: the first page starts lower
 * (below its heading) at `firstTop`, later ones at `top`; rows never split across pages.
 */
export function layoutToc(heights: number[], { firstTop, top, bottom }: { firstTop: number; top: number; bottom: number }): { slots: TocSlot[]; pages: number } {
  const slots: TocSlot[] = [];
  let page = 0;
  let y = firstTop;
  for (const h of heights) {
    if (y + h > bottom && y > (page === 0 ? firstTop : top)) {
      page++;
      y = top;
    }
    slots.push({ page, y });
    y += h;
  }
  return { slots, pages: page + 1 };
}

/** "pagina 3 van 12": the label of physical page `index` (0-based) of `total`. */
export const pageLabel = (template: string, index: number, total: number) => template.replace('{n}', String(index + 1)).replace('{total}', String(total));

/** Round gridline values from 0 to at least `max` (about four steps of 1, 2 or 5 × 10^n). */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
