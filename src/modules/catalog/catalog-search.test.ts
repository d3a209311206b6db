import { describe, expect, it } from 'vitest';
import { dutchAgentNouns, queryWords, splitPlace } from './catalog-search.service.ts';
import { searchQuerySchema } from './catalog-search.schema.ts';
import { haversineKm, PLACES } from './catalog-search.test-support.ts';

describe('query words', () => {
  it('keeps letters and digits of any script, lower case, once, at most 12', () => {
    expect(queryWords('"Lassen" & | ! :* (MIG/MAG) 🔥')).toEqual(['lassen', 'mig', 'mag']);
    expect(queryWords('Comptabilité сварка ﷺ')).toEqual(['comptabilité', 'сварка', 'ﷺ']);
    expect(queryWords('a b c d e f g h i j k l m n')).toHaveLength(12);
    expect(queryWords('lassen lassen LASSEN')).toEqual(['lassen']);
    expect(queryWords(`${'x'.repeat(41)} kort`)).toEqual(['kort']);
  });

  it('derives the Dutch agent nouns of a verb as synonym candidates, and of nothing else', () => {
    expect(dutchAgentNouns('lassen')).toEqual(['lasser', 'lassaar']);
    expect(dutchAgentNouns('boekhouden')).toContain('boekhouder');
    expect(dutchAgentNouns('metselen')).toContain('metselaar');
    expect(dutchAgentNouns('kok')).toEqual([]);
    expect(dutchAgentNouns('tuinen1')).toEqual([]);
    expect(dutchAgentNouns('welding')).toEqual([]);
  });

  it('reads a place after bij / near / près de, and leaves other text alone', () => {
    expect(splitPlace('lassen bij Gent')).toEqual({ text: 'lassen', place: 'Gent' });
    expect(splitPlace('soudage près de Liège')).toEqual({ text: 'soudage', place: 'Liège' });
    expect(splitPlace('welding near 9000')).toEqual({ text: 'welding', place: '9000' });
    expect(splitPlace('cursus in Excel bij Sint-Niklaas')).toEqual({ text: 'cursus in Excel', place: 'Sint-Niklaas' });
    expect(splitPlace('lassen')).toBeNull();
    expect(splitPlace('bij Gent')).toBeNull();
  });
});

describe('query parameters', () => {
  it('takes repeated keys and commas for multi-valued filters', () => {
    const q = searchQuerySchema.parse({ format: ['online', 'blended,in-person'], level: '3,4' });
    expect(q.format).toEqual(['online', 'blended', 'in-person']);
    expect(q.level).toEqual(['3', '4']);
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(20);
  });

  it('refuses long text, bad distances and unknown values, naming the field', () => {
    for (const [input, field] of [[{ q: 'a'.repeat(201) }, 'q'], [{ km: '-1' }, 'km'], [{ km: '301' }, 'km'], [{ format: 'x' }, 'format'], [{ page: '0' }, 'page']] as const) {
      const r = searchQuerySchema.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path[0]).toBe(field);
    }
  });
});

describe('distance', () => {
  it('puts Gent–Brussel at about 50 km and Gent–Antwerpen at about 50 km', () => {
    expect(haversineKm(PLACES['9000'], PLACES['1000'])).toBeCloseTo(50.3, 0);
    expect(haversineKm(PLACES['9000'], PLACES['2000'])).toBeGreaterThan(45);
    expect(haversineKm(PLACES['9000'], PLACES['9000'])).toBe(0);
  });
});
