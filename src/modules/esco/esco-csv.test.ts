import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvGz, splitLabels } from './esco-csv.ts';

// The quirks ESCO's SOURCE.md lists, in a file small enough to read: BOM, CRLF, quoted fields
// holding newlines and quotes, ragged rows that leave trailing fields out.
const CSV =
  '\uFEFFuri,label,altLabels,note\r\n' + // line 1
  'a,one,"x\ny\r\nz",plain\r\n' + // lines 2–4
  'b,"two, ""quoted""","",\r\n' + // line 5
  'c,three\r\n' + // line 6
  'd,four,"w\nv"\r\n' + // lines 7–8
  'e,five,"p\r\nq\r\nr"\r\n' + // lines 9–11
  'f,six\r\n'; // line 12

describe('reading ESCO CSV', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-esco-csv-'));
    await fs.writeFile(path.join(dir, 'f.csv.gz'), zlib.gzipSync(CSV));
    await fs.writeFile(path.join(dir, 'broken.csv.gz'), zlib.gzipSync(CSV).subarray(0, 40));
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  const read = async (file: string, required: string[] = []) => {
    const out = [];
    for await (const r of readCsvGz(path.join(dir, file), required)) out.push(r);
    return out;
  };

  it('handles CRLF, multi-line quoted fields, ragged rows, and numbers each record by its first line', async () => {
    const rows = await read('f.csv.gz', ['uri', 'label']);
    expect(rows.map((r) => r.record.uri)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 9, 12]);
    expect(splitLabels(rows[0]!.record.altLabels)).toEqual(['x', 'y', 'z']);
    expect(rows[1]!.record.label).toBe('two, "quoted"');
    expect(rows[2]!.record).toEqual({ uri: 'c', label: 'three' }); // ragged: the missing fields are absent
    expect(rows[3]!.record.note).toBeUndefined();
  });

  it('refuses a header without the needed columns, and a truncated gzip', async () => {
    await expect(read('f.csv.gz', ['uri', 'code'])).rejects.toThrow(/lacks column code/);
    await expect(read('broken.csv.gz')).rejects.toThrow(/unexpected end of file/i);
  });

  it('splits label lists, dropping blanks and repeats', () => {
    expect(splitLabels(' a \r\nb\n\na')).toEqual(['a', 'b']);
    expect(splitLabels(undefined)).toEqual([]);
  });
});
