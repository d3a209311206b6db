import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// Belgian postal localities (data/be/geo/, see its SOURCE.md) for "near 9000 Gent within 20 km".

export type Region = 'flanders' | 'wallonia' | 'brussels';
export type PlaceRow = { postal_code: string; name: string; lat: number; lng: number; province: string | null; region: Region };
export type Place = { id: number; postalCode: string; name: string; lat: number; lng: number; province: string | null; region: Region };

/** The region of a postal code: 1000–1299 Brussels; 1300–1499 and 4000–7999 Wallonia; the rest Flanders. */
export function regionOf(postalCode: string): Region {
  const n = Number(postalCode);
  if (n >= 1000 && n <= 1299) return 'brussels';
  if ((n >= 1300 && n <= 1499) || (n >= 4000 && n <= 7999)) return 'wallonia';
  return 'flanders';
}

/** "LiÈge" → "Liège", "HÉlÉcine" → "Hélécine": 33 names in the file have an accented capital inside a word. */
export const fixCapitals = (name: string) => name.replace(/(?<=\p{L})[À-ÖØ-Þ]/gu, (c) => c.toLowerCase());

/** The file's rows as places: one per postal code, with the corrections its SOURCE.md lists. */
export function placeRows(csv: string): PlaceRow[] {
  const records = parse(csv, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
  const out = new Map<string, PlaceRow>();
  for (const r of records) {
    for (const code of r.postal!.split(',').map((c) => c.trim()).filter(Boolean)) {
      const region = regionOf(code);
      let province: string | null = r.province?.trim() || null;
      if (region === 'brussels') province = null; // the file says Vlaams-Brabant: Brussels is in no province
      else if ((code === '3220' || code === '3221') && province === 'West-Vlaanderen') province = 'Vlaams-Brabant';
      const row = { postal_code: code, name: fixCapitals(r.name!.trim()), lat: Number(r.lat), lng: Number(r.lng), province, region };
      out.set(`${code}/${row.name.toLowerCase()}`, row);
    }
  }
  return [...out.values()];
}

/** Loads the places file; rows already present (same postal code and name) are left alone. */
export async function loadPlaces(db: Db, file: string): Promise<{ inserted: number; unchanged: number }> {
  const rows = placeRows(await fs.readFile(file, 'utf8'));
  const result = await sql<{ n: number }>`
    WITH input AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(postal_code text, name text, lat double precision, lng double precision, province text, region text)),
    ins AS (INSERT INTO catalog_place (postal_code, name, lat, lng, province, region)
      SELECT postal_code, name, lat, lng, province, region FROM input
      ON CONFLICT (postal_code, name) DO NOTHING RETURNING 1)
    SELECT count(*)::int AS n FROM ins`.execute(db);
  const inserted = result.rows[0]!.n;
  cache.delete(db);
  return { inserted, unchanged: rows.length - inserted };
}

const shape = (p: { id: number; postal_code: string; name: string; lat: number; lng: number; province: string | null; region: Region }): Place => ({
  id: p.id, postalCode: p.postal_code, name: p.name, lat: p.lat, lng: p.lng, province: p.province, region: p.region,
});

/** Every place of the given postal codes, in a stable order (the first is the code's default). */
export async function placesByPostalCodes(db: Db, codes: string[]): Promise<Map<string, Place[]>> {
  const out = new Map<string, Place[]>();
  if (!codes.length) return out;
  const rows = await db.selectFrom('catalog_place').selectAll().where('postal_code', 'in', [...new Set(codes)]).orderBy('postal_code').orderBy('id').execute();
  for (const r of rows) out.set(r.postal_code, [...(out.get(r.postal_code) ?? []), shape(r)]);
  return out;
}

export async function allPlaces(db: Db): Promise<Place[]> {
  return (await db.selectFrom('catalog_place').selectAll().orderBy('id').execute()).map(shape);
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

// Places change only when the seed loads them: one copy per database for name look-ups.
const cache = new WeakMap<Db, Promise<Place[]>>();

/**
 * Where "near=…" points: a postal code ("9000") or a place name ("Gent", "liege": case and accents
 * do not matter). A postal code with several localities takes its municipality (the name that
 * covers most postal codes, e.g. Liège for 4000, not Glain); a name shared by several places takes
 * the lowest postal code.
 */
export async function placeFor(db: Db, postalCodeOrName: string): Promise<{ postalCode: string; name: string; lat: number; lng: number; province: string | null; region: Region } | null> {
  const q = fold(postalCodeOrName);
  if (!q || q.length > 100) return null;
  if (!cache.has(db)) cache.set(db, allPlaces(db));
  const places = await cache.get(db)!;
  if (!places.length) {
    cache.delete(db); // not loaded yet: ask again next time
    return null;
  }
  let hit: Place | undefined;
  if (/^\d{4}$/.test(q)) {
    const codesPerName = new Map<string, number>();
    for (const p of places) codesPerName.set(fold(p.name), (codesPerName.get(fold(p.name)) ?? 0) + 1);
    hit = places.filter((p) => p.postalCode === q).sort((a, b) => codesPerName.get(fold(b.name))! - codesPerName.get(fold(a.name))! || a.id - b.id)[0];
  } else {
    hit = places.filter((p) => fold(p.name) === q).sort((a, b) => a.postalCode.localeCompare(b.postalCode) || a.id - b.id)[0];
  }
  return hit ? { postalCode: hit.postalCode, name: hit.name, lat: hit.lat, lng: hit.lng, province: hit.province, region: hit.region } : null;
}
