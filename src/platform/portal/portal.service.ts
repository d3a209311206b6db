import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { systemActor } from '../audit/audit.schema.ts';
import { notFound } from '../errors/problem.ts';
import type { KoersModule, SeedResult } from '../module.ts';
import { findRegion, findRegionIds, findSources, insertRegionIfMissing, insertSourceIfMissing } from './portal.repository.ts';
import { regionFileSchema, sourcesFileSchema, type DataSource, type PortalReply } from './portal.schema.ts';

/** Reads and validates a YAML file; errors name the file and the path inside it. */
export async function readYaml<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  const text = await fs.readFile(file, 'utf8');
  const result = schema.safeParse(parse(text));
  if (!result.success) {
    const where = result.error.issues.map((i) => `  ${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid data file:\n${where.join('\n')}`);
  }
  return result.data;
}

/** Loads region.yaml and sources.yaml; rows that exist already are left untouched. */
export async function seedRegion(db: Db, regionDir: string): Promise<SeedResult[]> {
  const region = await readYaml(path.join(regionDir, 'region.yaml'), regionFileSchema);
  const sources = await readYaml(path.join(regionDir, 'sources.yaml'), sourcesFileSchema);
  return db.transaction().execute(async (trx) => {
    const actor = systemActor('seed');
    let regionNew = 0;
    if (await insertRegionIfMissing(trx, region)) {
      regionNew = 1;
      await recordAudit(trx, { actor, action: 'create', entityType: 'region', entityId: region.id, before: null, after: region });
    }
    let sourcesNew = 0;
    for (const s of sources) {
      if (await insertSourceIfMissing(trx, region.id, s)) {
        sourcesNew++;
        await recordAudit(trx, { actor, action: 'create', entityType: 'data_source', entityId: s.id, before: null, after: s });
      }
    }
    return [
      { step: 'region', inserted: regionNew, unchanged: 1 - regionNew },
      { step: 'data sources', inserted: sourcesNew, unchanged: sources.length - sourcesNew },
    ];
  });
}

export async function getPortal(db: Db, regionId: string, modules: KoersModule[]): Promise<PortalReply> {
  const r = await findRegion(db, regionId);
  if (!r) throw notFound(`The region ${regionId} is not loaded. Run \`koers seed\`.`);
  const plan = r.plan_title as { title: PortalReply['plan']['title']; translationNotes: Record<string, string>; adopted: string };
  return {
    region: { id: r.id, name: r.name as PortalReply['region']['name'] },
    plan: { ...plan, period: { from: r.period_from, to: r.period_to }, source: r.source_url },
    modules: modules.flatMap((m) => (m.tile ? [{ id: m.id, ...m.tile }] : [])),
  };
}

/** The region and its plan, for documents the server writes (the plan's annual report). Without an id: the region loaded first. */
export async function getRegionPlan(db: Db, regionId?: string): Promise<Omit<PortalReply, 'modules'>> {
  const id = regionId ?? (await findRegionIds(db))[0]?.id;
  if (!id) throw notFound('No region is loaded. Run `koers seed`.');
  const { region, plan } = await getPortal(db, id, []);
  return { region, plan };
}

export async function listSources(db: Db, regionId: string): Promise<DataSource[]> {
  const rows = await findSources(db, regionId);
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    publisher: s.publisher,
    url: s.url,
    licence: s.licence,
    licenceUrl: s.licence_url,
    attribution: s.attribution,
    appliesFrom: s.applies_from,
    retrievedOn: s.retrieved_on,
    synthetic: s.synthetic,
    usedFor: s.used_for as DataSource['usedFor'],
  }));
}
