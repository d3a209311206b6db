// The report's look: A4, generous margins, Helvetica, one restrained accent colour.
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 76, bottom: 86, left: 74, right: 74 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Baseline area of the running footer, inside the bottom margin. */
export const FOOTER_Y = PAGE.height - 52;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const SIZE = { body: 10, small: 8.5, footer: 8, h1: 19, h2: 13, h3: 10.5, cover: 30 } as const;
export const LINE_GAP = 2.6;

export const COLOR = {
  text: '#1f2328',
  muted: '#5c6670',
  accent: '#1b4f7d',
  accentSoft: '#e9eff5',
  rule: '#cfd6de',
  zebra: '#f5f7f9',
  bar: '#2c6597',
  barMuted: '#b9c2cc',
  warn: '#8a5300',
  warnSoft: '#fbf4e6',
} as const;
