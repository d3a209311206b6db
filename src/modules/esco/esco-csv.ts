import fs from 'node:fs';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';

export type CsvRecord = { line: number; record: Record<string, string | undefined> };

/**
 * Streams the records of a gzipped CSV file as objects keyed by its header. ESCO's exports use
 * CRLF, quoted fields with embedded newlines, and ragged rows (trailing empty fields left out):
 * a short row simply lacks those keys. `line` is the line on which the record starts.
 */
export async function* readCsvGz(file: string, required: readonly string[]): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const missing = required.filter((c) => !header.includes(c));
      if (missing.length) throw new Error(`the header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      return header;
    },
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  // pipeline, not pipe: a read or gunzip error must reach the parser, and so the loop below
  pipeline(fs.createReadStream(file), zlib.createGunzip(), parser, () => {});
  let line = 2; // the header is line 1
  let extra = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line, record };
    // info.lines is the line this record ends on, except that csv-parse 7 counts every CRLF inside
    // a quoted field so far as two lines (esco-csv.test.ts pins this down)
    extra += crlfInside(record);
    line = info.lines - extra + 1;
  }
}

function crlfInside(record: Record<string, string>): number {
  let n = 0;
  for (const v of Object.values(record)) if (v && v.includes('\r\n')) n += v.split('\r\n').length - 1;
  return n;
}

/** A newline-separated label list (altLabels, hiddenLabels) as a clean, de-duplicated array. */
export function splitLabels(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))];
}
