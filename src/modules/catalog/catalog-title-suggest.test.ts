import { describe, expect, it } from 'vitest';
import type { Cards } from './catalog-hit-cards.ts';
import { buildTitleIndex, suggestTitlesFrom } from './catalog-title-suggest.ts';

const cards = (titles: Array<Record<string, string>>) => ({ card: titles.map((t) => ({ title: JSON.stringify(t) })) }) as unknown as Cards;

describe('title autocomplete', () => {
  const ix = buildTitleIndex(
    cards([
      { nl: 'Lassen voor beginners', en: 'Welding for beginners' },
      { nl: 'Lassen voor beginners' },
      { nl: 'MIG/MAG-lassen' },
      { nl: 'Basiscursus lasser' },
      { fr: 'Soudage à l’arc' },
      { nl: 'Excel voor gevorderden', fr: 'Excel pour débutants' },
    ]),
  );
  const labels = (p: string, limit = 10) => suggestTitlesFrom(ix, p, limit).map((s) => s.label);

  it('finds titles by their start or a word start, titles that start with it first, then by number of offers and length', () => {
    expect(suggestTitlesFrom(ix, 'Las', 10)).toEqual([
      { label: 'Lassen voor beginners', lang: 'nl', count: 2 },
      { label: 'MIG/MAG-lassen', lang: 'nl', count: 1 }, // shorter first
      { label: 'Basiscursus lasser', lang: 'nl', count: 1 },
    ]);
    expect(labels('mag')).toEqual(['MIG/MAG-lassen']); // punctuation separates words
    expect(labels('ex')).toEqual(['Excel pour débutants', 'Excel voor gevorderden']);
    expect(labels('soud')).toEqual(['Soudage à l’arc']);
    expect(labels('lassen voor')).toEqual(['Lassen voor beginners']); // several words: a phrase
    expect(labels('las', 1)).toEqual(['Lassen voor beginners']);
  });

  it('answers nothing, not an error, for what no title has', () => {
    for (const p of ['🔥', '%', '"\'', 'zzz', 'mig/mag']) expect(labels(p)).toEqual([]);
  });
});
