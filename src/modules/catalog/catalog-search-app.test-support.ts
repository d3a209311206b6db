import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { escoModule } from '../esco/esco.module.ts';
import { loadEsco } from '../esco/esco-load.service.ts';
import { escoService, occupationUri } from '../esco/esco.service.ts';
import { escoDataDir } from '../esco/esco.test-support.ts';
import { catalogSearchOnlyModule, insertFixture, migrateWithCatalog } from './catalog-search.test-support.ts';

// The app the search tests share: the search routes on a database with ESCO loaded and the fixture
// of catalog-search.test-support.ts (its welding offers prepare for ESCO's welder).

/** nl alternative label: toneelmeester */
const TECHNICAL_DIRECTOR = occupationUri('00030d09-2b3a-4efd-87cc-c4ea39d27c34');

export async function createSearchFixtureApp(today: string): Promise<{ t: TestApp; ids: Map<string, string> }> {
  const t = await createTestApp({ modules: [escoModule, catalogSearchOnlyModule], seed: false });
  await migrateWithCatalog(t.database.db);
  if (!(await escoService(t.database.db).escoVersion())) await loadEsco(t.database.db, escoDataDir);
  const welder = (await escoService(t.database.db).findOccupations('welder', 'en', 5)).find((o) => o.label === 'welder');
  if (!welder) throw new Error('ESCO has no occupation labelled "welder"');
  const ids = await insertFixture(t.database.db, today, { welder: welder.uri, 'technical-director': TECHNICAL_DIRECTOR });
  return { t, ids };
}
