import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

// initdb inside PGlite takes seconds; do it once per run and let every test file start from a copy.
export default async function setup(project: TestProject) {
  if (process.env.KOERS_TEST_DB === 'pg') return;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-pglite-'));
  const file = path.join(dir, 'template.tar');
  const pg = await PGlite.create();
  const blob = await pg.dumpDataDir('none');
  await pg.close();
  await fs.writeFile(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => fs.rm(dir, { recursive: true, force: true });
}
