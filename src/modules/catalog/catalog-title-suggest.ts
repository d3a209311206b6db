import type { Cards } from './catalog-hit-cards.ts';
import type { TitleSuggestion } from './catalog-search.repository.ts';

// Autocomplete over the published offers' titles, from the index's cards: the distinct titles per
// language with their number of offers, and their words sorted, so that a prefix is a binary search.

type Label = { label: string; lang: string; count: number; lower: string; spaced: string };
export type TitleIndex = { labels: Label[]; words: string[]; wordLabel: Int32Array };

// [[:punct:]] of the SQL path: ASCII punctuation becomes a word break
const PUNCT = /[!-/:-@[-`{-~]/g;
const normalise = (lower: string) => ` ${lower.replace(PUNCT, ' ')}`;

export function buildTitleIndex(cards: Cards): TitleIndex {
  const byKey = new Map<string, Label>();
  for (const c of cards.card) {
    const title = JSON.parse(c.title) as Record<string, string | undefined>;
    for (const lang of ['nl', 'fr', 'en']) {
      const label = title[lang];
      if (!label) continue;
      const key = `${lang}\u0000${label}`;
      const held = byKey.get(key);
      if (held) held.count++;
      else {
        const lower = label.toLowerCase();
        byKey.set(key, { label, lang, count: 1, lower, spaced: normalise(lower) });
      }
    }
  }
  const labels = [...byKey.values()];
  const pairs: Array<[string, number]> = [];
  labels.forEach((l, i) => {
    for (const w of new Set(l.spaced.split(' '))) if (w) pairs.push([w, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { labels, words: pairs.map((p) => p[0]), wordLabel: Int32Array.from(pairs, (p) => p[1]) };
}

/** Distinct titles with a word starting with `prefix` (titles starting with it first, then by number of offers, length, text). */
export function suggestTitlesFrom(ti: TitleIndex, prefix: string, limit: number): TitleSuggestion[] {
  const p = prefix.toLowerCase();
  const found = new Set<number>();
  if (/^[^\s!-/:-@[-`{-~]+$/.test(p)) {
    // one word: the words from the first ≥ p that start with p
    let lo = 0, hi = ti.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ti.words[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ti.words.length && ti.words[i]!.startsWith(p); i++) found.add(ti.wordLabel[i]!);
  } else {
    ti.labels.forEach((l, i) => l.spaced.includes(` ${p}`) && found.add(i));
  }
  const hits = [...found].map((i) => ti.labels[i]!);
  const starts = (l: Label) => l.lower.startsWith(p);
  hits.sort((a, b) => Number(starts(b)) - Number(starts(a)) || b.count - a.count || a.label.length - b.label.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return hits.slice(0, limit).map(({ label, lang, count }) => ({ label, lang, count }));
}
