import path from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import type { SeedContext, SeedResult } from '../../platform/module.ts';
import { readYaml } from '../../platform/portal/portal.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { systemActor } from '../../platform/audit/audit.schema.ts';
import * as files from './plan-data.schema.ts';

export async function readPlanData(regionDir: string) {
  const dir = path.join(regionDir, 'plan');
  const read = <S extends Parameters<typeof readYaml>[1]>(name: string, schema: S) => readYaml(path.join(dir, name), schema);
  return {
    sources: await read('sources.yaml', files.sourcesFile),
    plan: await read('plan.yaml', files.planFile),
    goals: await read('goals.yaml', files.goalsFile),
    flagships: await read('flagships.yaml', files.flagshipsFile),
    targetGroups: await read('target-groups.yaml', files.targetGroupsFile),
    themes: (await read('themes.yaml', files.themesFile)).themes,
    statuses: await read('statuses.yaml', files.statusesFile),
    stakeholders: await read('stakeholders.yaml', files.stakeholdersFile),
    official: await read('official-counts.yaml', files.officialCountsFile),
    actions: await read('actions.yaml', files.actionsFile),
  };
}

const j = (v: unknown) => JSON.stringify(v ?? null);

/** Inserts rows that are missing; rows that exist are never changed (admins' edits win). */
export async function seedPlan(ctx: SeedContext): Promise<SeedResult[]> {
  const d = await readPlanData(ctx.dataDir);
  return ctx.db.transaction().execute(async (db) => {
    const results: SeedResult[] = [];
    const actor = systemActor('seed');
    const step = async <T>(name: string, entity: string, rows: T[], key: (r: T) => string, insert: (db: Db, r: T) => Promise<boolean>) => {
      let inserted = 0;
      for (const r of rows) {
        if (await insert(db, r)) {
          inserted++;
          await recordAudit(db, { actor, action: 'create', entityType: entity, entityId: key(r), before: null, after: r });
        }
      }
      results.push({ step: name, inserted, unchanged: rows.length - inserted });
    };
    const added = (r: { numInsertedOrUpdatedRows?: bigint }) => Number(r.numInsertedOrUpdatedRows ?? 0) > 0;

    await step('sources', 'plan_source', d.sources, (s) => s.id, async (db, s) =>
      added(await db.insertInto('plan_source').values({ id: s.id, title: s.title, publisher: s.publisher ?? null, url: s.url, published_on: s.date ?? null, note: s.note ?? null }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('meta', 'plan_meta', [d.plan], () => 'plan', async (db, p) =>
      added(await db.insertInto('plan_meta').values({ announced_action_count: p.announcedActionCount, adopted: p.adopted, partnership: j(p.partnership), sources: j([...p.announcedActionCountSources, ...p.adoptedSources]) }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('goals', 'plan_goal', d.goals.map((g, i) => ({ ...g, position: i })), (g) => g.code, async (db, g) =>
      added(await db.insertInto('plan_goal').values({ code: g.code, position: g.position, title: j(g.title), sources: j(g.sources), note: g.note ?? null }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('flagships', 'plan_flagship', d.flagships.map((f, i) => ({ ...f, position: i })), (f) => f.code, async (db, f) =>
      added(await db.insertInto('plan_flagship').values({ code: f.code, position: f.position, title: j(f.title), sources: j(f.sources), note: f.note ?? null }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('target groups', 'plan_target_group', d.targetGroups.map((t, i) => ({ ...t, position: i })), (t) => t.code, async (db, t) =>
      added(await db.insertInto('plan_target_group').values({ code: t.code, position: t.position, title: j(t.title), sources: j(t.sources) }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('themes', 'plan_theme', d.themes.map((t, i) => ({ ...t, position: i })), (t) => t.code, async (db, t) =>
      added(await db.insertInto('plan_theme').values({ code: t.code, position: t.position, title: j(t.title) }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('statuses', 'plan_status', d.statuses.map((s, i) => ({ ...s, position: i })), (s) => s.key, async (db, s) =>
      added(await db.insertInto('plan_status').values({ key: s.key, position: s.position, name: j(s.name), default_progress: s.defaultProgress }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    await step('stakeholders', 'plan_stakeholder', d.stakeholders, (s) => s.id, async (db, s) =>
      added(await db.insertInto('plan_stakeholder').values({ id: s.id, name: s.name, abbreviation: s.abbreviation ?? null, kind: s.kind, sources: j(s.sources), note: s.note ?? null }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));
    const official = d.official.flatMap((o) => Object.entries(o.counts).map(([status, count]) => ({ ...o, status, count })));
    await step('official counts', 'plan_official_count', official, (o) => `${o.year}/${o.status}`, async (db, o) =>
      added(await db.insertInto('plan_official_count').values({ year: o.year, status_key: o.status, count: o.count, total: o.total ?? null, sources: j(o.sources), verification: o.verification ?? null, note: o.note ?? null }).onConflict((oc) => oc.doNothing()).executeTakeFirst()));

    await step('actions', 'plan_action', d.actions, (a) => a.reference, async (db, a) => {
      // a flagship from the source, else the Koers editors' proposal, labelled as such
      const flagship = a.flagship ?? a.flagshipProposal ?? null;
      const assignedBy = flagship ? (a.flagship ? 'source' : 'koers-editors') : null;
      const res = await db
        .insertInto('plan_action')
        .values({ reference: a.reference, flagship_code: flagship, flagship_assigned_by: assignedBy, title: j(a.title), description: j(a.description ?? {}), first_reported_year: a.firstReportedYear ?? null, links: j(a.links), sources: j(a.sources) })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (!added(res)) return false;
      const ref = a.reference;
      if (a.goals.length) await db.insertInto('plan_action_goal').values(a.goals.map((goal_code) => ({ reference: ref, goal_code }))).execute();
      if (a.targetGroups.length) await db.insertInto('plan_action_target_group').values(a.targetGroups.map((target_group_code) => ({ reference: ref, target_group_code }))).execute();
      if (a.themes.length) await db.insertInto('plan_action_theme').values(a.themes.map((theme_code) => ({ reference: ref, theme_code }))).execute();
      if (a.stakeholders.length) await db.insertInto('plan_action_stakeholder').values(a.stakeholders.map((s) => ({ reference: ref, stakeholder_id: s.id, role: s.role }))).execute();
      for (const r of a.reports) {
        await db.insertInto('plan_report').values({ reference: ref, year: r.year, status_key: r.status ?? null, progress: r.progress ?? null, narrative: j(r.narrative), sources: j(r.sources), evidence_links: '[]' }).execute();
        await db.insertInto('plan_report_version').values({ reference: ref, year: r.year, version: 1, snapshot: j(r), changed_by: null, changed_by_label: 'seed' }).execute();
      }
      return true;
    });
    return results;
  });
}
