import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { SurveyDataError, lineOf } from './survey-errors.ts';

// Reads survey microdata CSV as a stream into typed columns: only the columns asked for are kept,
// so a 10-million-row file costs 8 bytes per numeric cell and 4 per categorical one.

/** Categorical column: `codes[i]` indexes `levels`, −1 = missing (`NA` or empty). */
export interface CategoricalColumn {
  codes: Int32Array;
  levels: string[];
}

/** Numeric columns hold NaN for a missing value (`NA` or empty). */
export interface Microdata {
  n: number;
  numeric: Map<string, Float64Array>;
  categorical: Map<string, CategoricalColumn>;
}

export interface WantedColumns {
  numeric: string[];
  categorical: string[];
}

export type CsvInput = string | Buffer | Readable | AsyncIterable<string | Buffer>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
export const isMissing = (s: string) => s === '' || s === 'NA';

class GrowF64 {
  data = new Float64Array(1024);
  push(i: number, v: number) {
    if (i === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

class GrowCat {
  data = new Int32Array(1024);
  index = new Map<string, number>();
  levels: string[] = [];
  push(i: number, s: string) {
    if (i === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    let code = -1;
    if (!isMissing(s)) {
      const known = this.index.get(s);
      if (known === undefined) {
        code = this.levels.length;
        this.index.set(s, code);
        this.levels.push(s);
      } else code = known;
    }
    this.data[i] = code;
  }
}

// The delimiter is whichever of , ; or tab the header line has most of.
function sniffDelimiter(head: string): string {
  const line = head.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => line.split(c).length - 1;
  const [best] = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

async function* chunks(input: CsvInput): AsyncGenerator<Buffer> {
  if (typeof input === 'string') yield Buffer.from(input);
  else if (Buffer.isBuffer(input)) yield input;
  else for await (const c of input) yield typeof c === 'string' ? Buffer.from(c) : c;
}

export async function readMicrodata(input: CsvInput, wanted: WantedColumns): Promise<Microdata> {
  const source = chunks(input);
  // gather the start of the file until it holds the header line (or the file ends)
  const start: Buffer[] = [];
  let text = '';
  while (!/\S[^\n]*\n/.test(text) && text.length < 65536) {
    const next = await source.next();
    if (next.done) break;
    start.push(next.value);
    text += next.value.toString('utf8', 0, Math.min(next.value.length, 65536));
  }
  if (!text.trim()) throw new SurveyDataError('empty-file', 'the file is empty: expected a header row and one row per respondent');
  const delimiter = sniffDelimiter(text.trimStart());
  const parser = parse({ bom: true, delimiter, trim: true, skip_empty_lines: true });
  const feed = Readable.from(
    (async function* () {
      yield* start;
      for await (const c of source) yield c;
    })(),
  );
  feed.on('error', (e) => parser.destroy(e));
  feed.pipe(parser);

  let header: string[] | undefined;
  const num: Array<[number, string, GrowF64]> = [];
  const cat: Array<[number, string, GrowCat]> = [];
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record;
        const where = (name: string) => {
          const at = header!.indexOf(name);
          if (at < 0) {
            const shown = header!.slice(0, 40).map((h) => `"${h}"`).join(', ');
            throw new SurveyDataError('unknown-column', `column "${name}" is not in the file (its columns: ${shown}${header!.length > 40 ? ', …' : ''})`, name);
          }
          return at;
        };
        for (const name of new Set(wanted.numeric)) num.push([where(name), name, new GrowF64()]);
        for (const name of new Set(wanted.categorical)) cat.push([where(name), name, new GrowCat()]);
        continue;
      }
      for (const [at, name, col] of num) {
        const s = record[at]!;
        if (isMissing(s)) col.push(n, NaN);
        else if (NUMBER.test(s)) col.push(n, Number(s));
        else throw new SurveyDataError('not-numeric', `column "${name}", line ${lineOf(n)}: "${s.slice(0, 40)}" is not a number`, name, lineOf(n));
      }
      for (const [at, , col] of cat) col.push(n, record[at]!);
      n++;
    }
  } catch (e) {
    feed.destroy();
    if (e instanceof SurveyDataError) throw e;
    const err = e as Error & { code?: string };
    if (err.code?.startsWith('CSV_')) throw new SurveyDataError('bad-csv', `the file is not valid CSV: ${err.message}`);
    throw e;
  }
  if (!header) throw new SurveyDataError('empty-file', 'the file is empty: expected a header row and one row per respondent');
  if (n === 0) throw new SurveyDataError('empty-file', 'the file has a header but no data rows');
  return {
    n,
    numeric: new Map(num.map(([, name, col]) => [name, col.data.subarray(0, n)])),
    categorical: new Map(cat.map(([, name, col]) => [name, { codes: col.data.subarray(0, n), levels: col.levels }])),
  };
}
