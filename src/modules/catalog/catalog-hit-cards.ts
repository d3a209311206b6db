import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { HitRow } from './catalog-search.repository.ts';

// What a result list shows of an offer, kept with the in-process index (same snapshot), so that a
// search page costs no statement: the same fields as repo.hitDetails, which the SQL engine still uses.

type CardRow = Omit<HitRow, 'title' | 'summary' | 'vov' | 'next_session' | 'place'> & { title: string; summary: string };
type Texts = Pick<HitRow, 'title' | 'summary'>;
type SessionRow = { id: string; s: number; e: number; schedule: string; seats: number | null };
type PlaceRow = { id: number; name: string; postal_code: string };

export type Cards = {
  card: CardRow[]; // by row; title and summary as JSON text, parsed for the page only
  texts: Array<Texts | undefined>; // by row: title and summary parsed, once the card is first shown (the rows keep their shape)
  sessStart: Int32Array; // CSR: sessions of row r are [sessStart[r], sessStart[r + 1]), by (start, id)
  sessFrom: Int32Array;
  sessUntil: Int32Array;
  sessSchedule: string[];
  sessSeats: Array<number | null>;
  places: Map<number, { name: string; postal_code: string }>;
};

export type CardRows = { cards: CardRow[]; sessions: SessionRow[]; places: PlaceRow[] };

export async function readCardRows(trx: Db): Promise<CardRows> {
  const cards = await sql<CardRow>`
    SELECT o.id::text AS id, o.title::text AS title, o.summary::text AS summary, o.kind, o.level_eqf, o.language, o.format,
      o.provider_id::text AS provider_id, o.provider_name, o.provider_kind, o.price_eur, o.contact_hours, o.study_credits,
      o.schedules, o.vouchers, o.training_credit, o.shortage, o.synthetic, p.kmo_registered AS kmo
    FROM catalog_offer_search s JOIN catalog_offer o ON o.id = s.offer_id JOIN catalog_provider p ON p.id = o.provider_id`.execute(trx);
  const sessions = await sql<SessionRow>`
    SELECT se.offer_id::text AS id, se.starts_on - DATE '1970-01-01' AS s, se.ends_on - DATE '1970-01-01' AS e, se.schedule, se.seats_left AS seats
    FROM catalog_session se JOIN catalog_offer_search x ON x.offer_id = se.offer_id ORDER BY se.offer_id, se.starts_on, se.id`.execute(trx);
  const places = await sql<PlaceRow>`SELECT id, name, postal_code FROM catalog_place`.execute(trx);
  return { cards: cards.rows, sessions: sessions.rows, places: places.rows };
}

export function buildCards(rows: CardRows, row: Map<string, number>): Cards {
  const n = row.size;
  const card = new Array<CardRow>(n);
  for (const c of rows.cards) {
    const r = row.get(c.id);
    if (r !== undefined) card[r] = c;
  }
  const sessions = rows.sessions.filter((x) => row.has(x.id)); // ordered by offer: rows ascending are offers ascending
  const sessStart = new Int32Array(n + 1);
  for (const x of sessions) sessStart[row.get(x.id)! + 1]!++;
  for (let r = 0; r < n; r++) sessStart[r + 1]! += sessStart[r]!;
  const sessFrom = new Int32Array(sessions.length);
  const sessUntil = new Int32Array(sessions.length);
  const sessSchedule = new Array<string>(sessions.length);
  const sessSeats = new Array<number | null>(sessions.length);
  const fill = sessStart.slice(0, n);
  for (const x of sessions) {
    const at = fill[row.get(x.id)!]!++;
    sessFrom[at] = Number(x.s);
    sessUntil[at] = Number(x.e);
    sessSchedule[at] = x.schedule;
    sessSeats[at] = x.seats === null ? null : Number(x.seats);
  }
  const places = new Map(rows.places.map((p) => [Number(p.id), { name: p.name, postal_code: p.postal_code }]));
  return { card, texts: new Array<Texts | undefined>(n), sessStart, sessFrom, sessUntil, sessSchedule, sessSeats, places };
}

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * The hit rows of some index rows, as repo.hitDetails gives them: the next session from `today`
 * (by start, then id), the offer's place nearest to `near` (else the lowest postal code, then name).
 */
export function cardHits(
  cards: Cards,
  rows: number[],
  today: number,
  vovOk: Uint8Array,
  placeOf: (r: number) => number | null,
): HitRow[] {
  return rows.map((r) => {
    const c = cards.card[r]!;
    let next: HitRow['next_session'] = null;
    for (let k = cards.sessStart[r]!; k < cards.sessStart[r + 1]!; k++) {
      if (cards.sessFrom[k]! < today) continue;
      next = { starts_on: isoDay(cards.sessFrom[k]!), ends_on: isoDay(cards.sessUntil[k]!), schedule: cards.sessSchedule[k]!, seats_left: cards.sessSeats[k]! };
      break;
    }
    const placeId = placeOf(r);
    const place = placeId === null ? null : (cards.places.get(placeId) ?? null);
    const texts = (cards.texts[r] ??= { title: JSON.parse(c.title), summary: JSON.parse(c.summary) });
    // field by field (a spread of the row is several times slower); copies: the answer must not share objects with the index
    return {
      id: c.id, title: { ...texts.title }, summary: { ...texts.summary }, kind: c.kind, level_eqf: c.level_eqf, language: c.language, format: c.format,
      provider_id: c.provider_id, provider_name: c.provider_name, provider_kind: c.provider_kind, price_eur: c.price_eur, contact_hours: c.contact_hours,
      study_credits: c.study_credits, schedules: [...c.schedules], vouchers: c.vouchers, training_credit: c.training_credit, shortage: c.shortage,
      synthetic: c.synthetic, vov: vovOk[r] === 1, kmo: c.kmo, next_session: next, place: place && { name: place.name, postal_code: place.postal_code },
    };
  });
}
