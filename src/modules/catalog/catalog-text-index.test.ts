import { describe, expect, it } from 'vitest';
import { buildTextIndex, matchText, parseTsvector, tsqueryLexemes, type TextRow } from './catalog-text-index.ts';
import type { TextPlan } from './catalog-search.repository.ts';

const parsed = (tsv: string) => {
  const out: Array<[string, number]> = [];
  parseTsvector(tsv, (w, p) => out.push([w, p]));
  return out;
};

describe('reading stored vectors and queries', () => {
  it('sums the points of every position of a lexeme by its weight (no letter: D)', () => {
    expect(parsed("'gent':3C 'it''s':2 'lass':1A,4 'x':5B,6B")).toEqual([['gent', 2], ["it's", 1], ['lass', 11], ['x', 8]]);
    expect(parsed("'stripped' 'a\\\\b':1A")).toEqual([['stripped', 1], ['a\\b', 10]]);
    expect(parsed('')).toEqual([]);
  });

  it('takes the lexemes of a tsquery, all required', () => {
    expect(tsqueryLexemes("'lass'")).toEqual(['lass']);
    expect(tsqueryLexemes("'e' & 'mail'")).toEqual(['e', 'mail']);
    expect(tsqueryLexemes("'it''s' <-> 'ok'")).toEqual(["it's", 'ok']);
  });
});

describe('matching and ranking', () => {
  const rows: TextRow[] = [
    { id: 'a', tsv: "'lass':1A 'gent':3C", title: 'lassen | | welding', occupations: ['welder'] },
    { id: 'b', tsv: "'lass':9 'boekhoud':1A", title: 'boekhouding | |', occupations: [] },
    { id: 'c', tsv: "'gent':1B", title: 'gent | |', occupations: ['welder'] },
    { id: 'd', tsv: "'e':1A 'mail':2A", title: 'e-mail | |', occupations: [] },
  ];
  const ix = buildTextIndex(rows, new Map(rows.map((r, i) => [r.id, i])));
  const plan = (stems: string[][][], extra: Partial<TextPlan> = {}): TextPlan => ({ groups: stems.map(() => []), phrase: '', occupationUris: [], matchTsquery: null, stems, ...extra });
  const ranks = (t: TextPlan) => {
    const m = matchText(ix, rows.length, t);
    return Object.fromEntries(Array.from(m.rows, (r, k) => [rows[r]!.id, m.rank[k]]));
  };

  it('needs every word group, one alternative each, and ranks s / (s + 10) averaged over the groups', () => {
    expect(ranks(plan([[['lass']]]))).toEqual({ a: 10 / 20, b: 1 / 11 });
    expect(ranks(plan([[['lass']], [['gent']]]))).toEqual({ a: (10 / 20 + 2 / 12) / 2 });
    expect(ranks(plan([[['boekhoud'], ['gent']]]))).toEqual({ b: 10 / 20, a: 2 / 12, c: 4 / 14 });
    expect(ranks(plan([[['e', 'mail']]]))).toEqual({ d: 20 / 30 });
    expect(ranks(plan([[['e', 'nope']]]))).toEqual({});
    expect(ranks(plan([]))).toEqual({});
  });

  it('adds the ESCO occupation matches (+0.3) and the title phrase (+0.5), and leaves no state behind', () => {
    expect(ranks(plan([[['lass']]], { occupationUris: ['welder'], phrase: 'lassen' }))).toEqual({ a: 10 / 20 + 0.5 + 0.3, b: 1 / 11, c: 0.3 });
    expect(ranks(plan([[['lass']]]))).toEqual({ a: 10 / 20, b: 1 / 11 }); // the scratch arrays were reset
  });
});
