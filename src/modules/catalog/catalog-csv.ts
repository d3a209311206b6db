import { readCsv, type CsvProblem, type CsvRecord as CsvRecordOf } from '../../platform/csv/read-csv.ts';

// The offer import's CSV layout (docs/catalog-import.md): one row per offer, flat columns that map
// onto the JSON input shape. Lists use `|`; a location is `postal code` or `postal code:locality`;
// a session is `starts_on/ends_on/schedule[/seats_left[/postal code]]`. A UTF-8 BOM and `;` as
// separator (Excel in Belgium) are accepted.

export const csvColumns = [
  'external_id', 'status', 'title_nl', 'title_fr', 'title_en', 'summary_nl', 'summary_fr', 'summary_en', 'description_nl', 'description_fr', 'description_en',
  'kind', 'level_eqf', 'language', 'format', 'contact_hours', 'study_credits', 'price_eur', 'price_includes',
  'incentive_db_id', 'incentive_db_valid_from', 'incentive_db_valid_until', 'vouchers', 'training_credit',
  'skills', 'occupations', 'accessibility', 'url', 'locations', 'sessions',
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export type { CsvProblem };
export type CsvRecord = CsvRecordOf<CsvColumn>;

const requiredColumns: CsvColumn[] = ['external_id', 'kind', 'language', 'format'];

/** Decodes and splits the file; problems here reject the file as a whole. */
export function parseOfferCsv(input: Buffer): { rows: CsvRecord[]; problems: CsvProblem[] } {
  return readCsv(input, {
    columns: csvColumns,
    required: requiredColumns,
    unknownColumn: 'unknown column (see docs/catalog-import.md)',
    checkHeader: (names) =>
      names.some((n) => n.startsWith('title_')) ? [] : [{ line: 1, column: 'title_nl', reason: 'a title column (title_nl, title_fr or title_en) is required' }],
  });
}

const list = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
const num = (s: string): unknown => (s === '' ? null : /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : s);
const bool = (s: string): unknown => {
  const v = s.toLowerCase();
  if (v === '') return false;
  if (['true', 'yes', 'ja', 'oui', '1'].includes(v)) return true;
  if (['false', 'no', 'nee', 'non', '0'].includes(v)) return false;
  return s;
};
const texts = (c: Record<CsvColumn, string>, p: 'title' | 'summary' | 'description') =>
  Object.fromEntries((['nl', 'fr', 'en'] as const).flatMap((l) => (c[`${p}_${l}`] ? [[l, c[`${p}_${l}`]]] : [])));

/** One CSV row in the JSON input shape (unvalidated: the offer schema checks it). */
export function csvRowToInput(c: Record<CsvColumn, string>): Record<string, unknown> {
  return {
    externalId: c.external_id,
    ...(c.status ? { status: c.status } : {}),
    title: texts(c, 'title'), summary: texts(c, 'summary'), description: texts(c, 'description'),
    kind: c.kind, levelEqf: num(c.level_eqf), language: c.language, format: c.format,
    contactHours: num(c.contact_hours), studyCredits: num(c.study_credits), priceEur: num(c.price_eur), priceIncludes: c.price_includes || null,
    incentiveDb: c.incentive_db_id || c.incentive_db_valid_from || c.incentive_db_valid_until
      ? { id: c.incentive_db_id, validFrom: c.incentive_db_valid_from, validUntil: c.incentive_db_valid_until || null }
      : null,
    vouchers: bool(c.vouchers), trainingCredit: bool(c.training_credit),
    skills: list(c.skills), occupations: list(c.occupations),
    accessibility: c.accessibility || null, url: c.url || null,
    locations: list(c.locations).map((l) => {
      const [postalCode, ...place] = l.split(':');
      return { postalCode: postalCode!.trim(), ...(place.length ? { place: place.join(':').trim() } : {}) };
    }),
    sessions: list(c.sessions).map((s) => {
      const [startsOn, endsOn, schedule, seats, postalCode] = s.split('/').map((x) => x.trim());
      return { startsOn, endsOn, schedule, seatsLeft: seats ? num(seats) : null, postalCode: postalCode || null };
    }),
  };
}

/** The CSV column a field of the input shape comes from (for the row report). */
export function columnOf(path: Array<string | number>): string {
  const [head, second] = path;
  if (head === 'title' || head === 'summary' || head === 'description') return typeof second === 'string' ? `${head}_${second}` : `${head}_nl`;
  if (head === 'incentiveDb') return second === 'validFrom' ? 'incentive_db_valid_from' : second === 'validUntil' ? 'incentive_db_valid_until' : 'incentive_db_id';
  if (head === 'locations' || head === 'sessions' || head === 'skills' || head === 'occupations') return head;
  return String(head ?? '').replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}
