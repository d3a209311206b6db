import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { TextPlan } from './catalog-search.repository.ts';

// The text side of the in-process search index: each published offer's stored search_tsv (stemmed
// by PostgreSQL with the dutch, french, english and simple configurations, weighted A–D by field)
// turned into posting lists, so that matching and ranking a query costs JavaScript over a few
// thousand postings instead of a GIN scan plus reading every matching vector. PostgreSQL still does
// all stemming: of the offers (the stored vectors) and of the query words (catalog-search.service).

/** Points per occurrence of a lexeme in a field of weight A (title), B (summary), C (labels, provider), D (description). */
export const WEIGHT_POINTS = { A: 10, B: 4, C: 2, D: 1 } as const;
/** A group's points s become s / (s + RANK_HALF): 10 points (a title word) give 0.5. */
export const RANK_HALF = 10;
export const PHRASE_BONUS = 0.5;
export const OCCUPATION_BONUS = 0.3;

export type TextIndex = {
  /** lexeme → its number; postings of lexeme l are rows[start[l] .. start[l + 1]) (ascending) with their points */
  lexeme: Map<string, number>;
  start: Int32Array;
  rows: Int32Array;
  points: Uint16Array;
  /** ESCO occupation URI → the rows of offers preparing for it */
  occupation: Map<string, Int32Array>;
  /** title_text (lower-cased titles in every language) per row, for the phrase bonus */
  title: string[];
  /** the titles joined by NUL (which PostgreSQL text cannot hold) with each row's offset, and per phrase the rows whose title has it */
  phrases?: { all: string; at: Int32Array; rows: Map<string, Int32Array> };
  /** per-row scratch of matchText (synchronous, so one set per index serves every search), all zero between calls */
  scratch?: { matched: Uint16Array; sum: Float64Array; seen: Uint8Array; points: Uint32Array; inGroup: Uint8Array; byOccupation: Uint8Array; touched: Int32Array; group: Int32Array };
};

/**
 * Calls `each(lexeme, points)` for every lexeme of a tsvector's text form (`'lass':1A,4 'gent':3C`):
 * points = the sum over its positions of their weight's points (a position without a letter is D).
 */
export function parseTsvector(text: string, each: (lexeme: string, points: number) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    let lexeme = '';
    i++;
    for (;;) {
      const q = text.indexOf("'", i);
      if (q < 0) return; // malformed: stop
      if (text[q + 1] === "'") {
        lexeme += text.slice(i, q + 1);
        i = q + 2;
      } else {
        lexeme += text.slice(i, q);
        i = q + 1;
        break;
      }
    }
    lexeme = lexeme.replace(/\\(.)/g, '$1');
    let points = 0;
    if (text[i] === ':') {
      i++;
      while (i < n && text[i] !== ' ') {
        // a position: digits, then an optional weight letter, then a comma or the end
        while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
        const w = text[i];
        if (w === 'A' || w === 'B' || w === 'C' || w === 'D') {
          points += WEIGHT_POINTS[w];
          i++;
        } else points += WEIGHT_POINTS.D;
        if (text[i] === ',') i++;
      }
    } else points = WEIGHT_POINTS.D; // a stripped vector has no positions
    each(lexeme, Math.min(points, 65_535));
  }
}

/** The lexemes of a tsquery's text form (`'lass'`, `'e' & 'mail'`): all must be present (phrase operators read as AND). */
export function tsqueryLexemes(text: string): string[] {
  return [...text.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'").replace(/\\(.)/g, '$1'));
}

export type TextRow = { id: string; tsv: string; title: string; occupations: string[] };

/** The published offers' vectors, titles and occupations (in the caller's snapshot). */
export async function readTextRows(trx: Db): Promise<TextRow[]> {
  const r = await sql<TextRow>`SELECT o.id::text AS id, o.search_tsv::text AS tsv, o.title_text AS title, o.occupations
    FROM catalog_offer_search s JOIN catalog_offer o ON o.id = s.offer_id`.execute(trx);
  return r.rows;
}

/** The text index of those rows; `row` numbers the offers (the facet index's order). */
export function buildTextIndex(textRows: TextRow[], row: Map<string, number>): TextIndex {
  const lexeme = new Map<string, number>();
  // postings in load order, then grouped by lexeme (counting sort) with rows ascending
  let size = 0;
  let lex = new Int32Array(1 << 16), at = new Int32Array(1 << 16), pts = new Uint16Array(1 << 16);
  const title = new Array<string>(row.size).fill('');
  const occ = new Map<string, number[]>();
  const order = textRows.map((x) => ({ x, r: row.get(x.id) ?? -1 })).filter((y) => y.r >= 0).sort((a, b) => a.r - b.r);
  for (const { x, r: rr } of order) {
    title[rr] = x.title ?? '';
    for (const uri of x.occupations ?? []) {
      const list = occ.get(uri);
      if (list) list.push(rr);
      else occ.set(uri, [rr]);
    }
    parseTsvector(x.tsv ?? '', (word, points) => {
      let id = lexeme.get(word);
      if (id === undefined) lexeme.set(word, (id = lexeme.size));
      if (size === lex.length) {
        const grow = <T extends Int32Array | Uint16Array>(a: T, b: T) => (b.set(a), b);
        lex = grow(lex, new Int32Array(size * 2));
        at = grow(at, new Int32Array(size * 2));
        pts = grow(pts, new Uint16Array(size * 2));
      }
      lex[size] = id;
      at[size] = rr;
      pts[size] = points;
      size++;
    });
  }
  const start = new Int32Array(lexeme.size + 1);
  for (let k = 0; k < size; k++) start[lex[k]! + 1]!++;
  for (let l = 0; l < lexeme.size; l++) start[l + 1]! += start[l]!;
  const fill = start.slice(0, lexeme.size);
  const rows = new Int32Array(size);
  const points = new Uint16Array(size);
  for (let k = 0; k < size; k++) {
    const p = fill[lex[k]!]!++;
    rows[p] = at[k]!;
    points[p] = pts[k]!;
  }
  const occupation = new Map([...occ].map(([uri, list]) => [uri, Int32Array.from(list)]));
  return { lexeme, start, rows, points, occupation, title };
}

/**
 * The rows matching a text plan (every group: one of its alternatives with all its lexemes; or an
 * ESCO occupation of the plan), ascending, with their rank — the same numbers, in the same order of
 * floating-point operations, as the SQL engine's rank (catalog-search.repository.ts `textRank`).
 */
export function matchText(ti: TextIndex, n: number, t: TextPlan): { rows: Int32Array; rank: Float64Array } {
  const groups = t.stems;
  ti.scratch ??= {
    matched: new Uint16Array(n), // groups matched per row
    sum: new Float64Array(n), // Σ over groups of s / (s + RANK_HALF), in group order
    seen: new Uint8Array(n),
    points: new Uint32Array(n), // one group's points per row
    inGroup: new Uint8Array(n), // one group's match per row
    byOccupation: new Uint8Array(n),
    touched: new Int32Array(n), // rows with any points or an occupation match
    group: new Int32Array(n), // rows with points in the current group
  };
  const { matched, sum, seen, points, inGroup, byOccupation, touched, group } = ti.scratch;
  let nTouched = 0;
  for (const alternatives of groups) {
    let nGroup = 0;
    // points: each distinct lexeme of the group once
    for (const word of new Set(alternatives.flat())) {
      const l = ti.lexeme.get(word);
      if (l === undefined) continue;
      for (let k = ti.start[l]!; k < ti.start[l + 1]!; k++) {
        const r = ti.rows[k]!;
        if (points[r] === 0) group[nGroup++] = r;
        points[r]! += ti.points[k]!;
      }
    }
    // match: an alternative whose lexemes are all in the row
    for (const alt of alternatives) {
      const lists = alt.map((w) => ti.lexeme.get(w));
      if (!alt.length || lists.some((l) => l === undefined)) continue;
      if (lists.length === 1) {
        const l = lists[0]!;
        for (let k = ti.start[l]!; k < ti.start[l + 1]!; k++) inGroup[ti.rows[k]!] = 1;
      } else {
        const count = new Map<number, number>();
        for (const l of lists) for (let k = ti.start[l!]!; k < ti.start[l! + 1]!; k++) count.set(ti.rows[k]!, (count.get(ti.rows[k]!) ?? 0) + 1);
        for (const [r, c] of count) if (c === lists.length) inGroup[r] = 1;
      }
    }
    for (let g = 0; g < nGroup; g++) {
      const r = group[g]!;
      const s = points[r]!;
      sum[r]! += s / (s + RANK_HALF);
      points[r] = 0;
      if (!seen[r]) {
        seen[r] = 1;
        touched[nTouched++] = r;
      }
      if (inGroup[r]) {
        matched[r]!++;
        inGroup[r] = 0;
      }
    }
  }
  for (const uri of t.occupationUris) {
    for (const r of ti.occupation.get(uri) ?? []) {
      byOccupation[r] = 1;
      if (!seen[r]) {
        seen[r] = 1;
        touched[nTouched++] = r;
      }
    }
  }
  const phraseRows = t.phrase === '' ? null : titlesWith(ti, t.phrase);
  if (phraseRows) for (const r of phraseRows) inGroup[r] = 1; // inGroup is all zero again here: reused for the phrase
  const rows = touched.subarray(0, nTouched).sort(); // numeric: a typed array
  const out = new Int32Array(nTouched);
  const rank = new Float64Array(nTouched);
  let m = 0;
  const G = groups.length;
  for (const r of rows) {
    const byText = G > 0 && matched[r] === G;
    const occ = byOccupation[r] === 1;
    let x = G > 0 ? sum[r]! / G : 0;
    matched[r] = 0;
    sum[r] = 0;
    seen[r] = 0;
    byOccupation[r] = 0;
    if (!byText && !occ) continue;
    if (phraseRows && inGroup[r]) x += PHRASE_BONUS;
    if (occ) x += OCCUPATION_BONUS;
    out[m] = r;
    rank[m] = x;
    m++;
  }
  if (phraseRows) for (const r of phraseRows) inGroup[r] = 0;
  return { rows: out.subarray(0, m), rank: rank.subarray(0, m) };
}

const MAX_PHRASES = 1000;

/**
 * The rows whose title_text has `phrase` (the SQL's `title_text LIKE '%' || phrase || '%'`): one scan
 * of all titles (≈ 2 ms at 100,000 offers) per phrase and index, then kept (at most 1,000 phrases);
 * a test per matching row cost more, on a large heap.
 */
function titlesWith(ti: TextIndex, phrase: string): Int32Array {
  if (!ti.phrases) {
    const at = new Int32Array(ti.title.length + 1);
    ti.title.forEach((t, r) => (at[r + 1] = at[r]! + t.length + 1));
    ti.phrases = { all: ti.title.join('\u0000'), at, rows: new Map() };
  }
  const { all, at, rows } = ti.phrases;
  const held = rows.get(phrase);
  if (held) return held;
  const found: number[] = [];
  let r = 0;
  for (let i = all.indexOf(phrase); i >= 0; i = all.indexOf(phrase, i + 1)) {
    while (at[r + 1]! <= i) r++; // occurrences come in order: the row only moves forward
    if (found.at(-1) !== r) found.push(r);
  }
  if (rows.size >= MAX_PHRASES) rows.delete(rows.keys().next().value!);
  const result = Int32Array.from(found);
  rows.set(phrase, result);
  return result;
}
