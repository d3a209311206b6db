// Builds the ESCO sample that test databases load (test-support/esco-sample/v1.1.1/): the real
// ESCO v1.1.1 rows for a few ISCO groups, with their skills and relations, so every test file can
// start from a small seeded template instead of the full 120,000-relation release.
// Run: node test-support/esco-sample/make-esco-sample.mjs
import { createReadStream, createWriteStream, mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

const root = path.resolve(import.meta.dirname, '../..');
const from = path.join(root, 'data/esco/v1.1.1');
const to = path.join(import.meta.dirname, 'v1.1.1');
// welders, accountants, bookkeepers, software developers, cooks, nurses, electricians, carpenters,
// motor-vehicle mechanics, shop sales, cleaners, car drivers, early-childhood educators
const iscoPrefixes = ['7212', '2411', '3313', '4311', '2512', '2513', '2514', '5120', '2221', '3221', '7411', '7115', '7231', '5223', '9112', '8322', '5311'];

async function rows(file) {
  const out = [];
  const parser = createReadStream(path.join(from, file)).pipe(zlib.createGunzip()).pipe(parse({ relax_column_count: true, bom: true }));
  for await (const r of parser) out.push(r);
  return out;
}
async function write(file, records) {
  await pipeline(stringify(records), zlib.createGzip({ level: 9 }), createWriteStream(path.join(to, file)));
}

mkdirSync(to, { recursive: true });
const occEn = await rows('occupations_en.csv.gz');
const keep = new Set(occEn.slice(1).filter((r) => iscoPrefixes.some((p) => r[2].startsWith(p))).map((r) => r[1]));
const occNl = await rows('occupations_nl.csv.gz');
await write('occupations_en.csv.gz', [occEn[0], ...occEn.slice(1).filter((r) => keep.has(r[1]))]);
await write('occupations_nl.csv.gz', [occNl[0], ...occNl.slice(1).filter((r) => keep.has(r[1]))]);
const rel = await rows('occupationSkillRelations.csv.gz');
const relKept = rel.slice(1).filter((r) => keep.has(r[0]));
await write('occupationSkillRelations.csv.gz', [rel[0], ...relKept]);
const skillUris = new Set(relKept.map((r) => r[3]));
const skills = await rows('skills_en.csv.gz');
await write('skills_en.csv.gz', [skills[0], ...skills.slice(1).filter((r) => skillUris.has(r[1]))]);
const broader = await rows('broaderRelationsSkillPillar.csv.gz');
await write('broaderRelationsSkillPillar.csv.gz', [broader[0], ...broader.slice(1).filter((r) => r[0] === 'SkillGroup' || skillUris.has(r[1]))]);
for (const file of ['ISCOGroups_en.csv.gz', 'skillsHierarchy_en.csv.gz']) copyFileSync(path.join(from, file), path.join(to, file));
console.log(`${keep.size} occupations, ${skillUris.size} skills, ${relKept.length} relations`);
