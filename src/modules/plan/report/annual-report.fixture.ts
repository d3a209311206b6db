import type { ReportAction, ReportModel } from './report-model.ts';

// A report model with everything the data can hold (statuses, official figures, obstacles,
// highlights, long texts, characters outside the PDF font), for layout tests without a database.

const long = Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}: the partners extended the pilot to new regions, trained coaches, and reported their findings to the steering group, which asked for a follow-up study on reach and impact.`).join('\n');

const action = (reference: string, extra: Partial<ReportAction> = {}): ReportAction => ({
  reference,
  title: { text: `Title of ${reference}`, lang: null },
  status: 'in uitvoering',
  progress: 50,
  narrative: { text: `Narrative of ${reference}.`, lang: null },
  obstacles: [],
  highlights: [],
  assignedByEditors: false,
  sources: [1],
  ...extra,
});

export function fixtureModel(lang: ReportModel['lang'] = 'nl'): ReportModel {
  return {
    lang,
    year: 2024,
    generatedAt: new Date('2026-03-12T10:00:00Z'),
    lastChange: new Date('2026-02-01T09:00:00Z'),
    region: 'Vlaanderen',
    planTitle: { text: 'Actieplan levenslang leren. Koers zetten naar een lerend Vlaanderen', lang: null },
    planTitleWorking: false,
    planSourceUrl: 'https://www.vlaanderen.be/publicaties/actieplan-levenslang-leren-koers-zetten-naar-een-lerend-vlaanderen',
    period: { from: 2021, to: 2030 },
    announced: 47,
    recorded: 27,
    statuses: [
      { key: 'preparing', name: 'in voorbereiding', count: 2, previous: 4 },
      { key: 'implementing', name: 'in uitvoering', count: 9, previous: 5 },
      { key: 'realised', name: 'gerealiseerd', count: 3, previous: 3 },
      { key: null, name: 'zonder status', count: 4, previous: 6 },
    ],
    reported: 18,
    official: { counts: [{ name: 'gerealiseerd', count: 1 }, { name: 'in uitvoering', count: 27 }], total: 47, sources: [1], unverified: true, note: { text: 'Reported only by Cedefop.', lang: 'en' } },
    flagships: [
      {
        code: 'a',
        title: { text: 'knowledge agenda for LLL', lang: 'en' },
        progress: 62.5,
        sources: [1],
        actions: [
          action('K-01', { narrative: { text: long, lang: 'en' }, assignedByEditors: true }),
          action('K-02', {
            title: { text: 'Emoji 🚀 and ő ș ā “quotes” – dash', lang: null },
            obstacles: [{ text: 'Too few coaches', severity: 'high', owner: 'VDAB', resolved: false }],
            highlights: [{ date: '2024-05-14', title: { text: 'Launch event', lang: null }, description: { text: 'With 300 participants.', lang: null } }],
          }),
        ],
      },
      { code: 'b', title: { text: 'mobilisation strategy for each segment in society', lang: 'en' }, progress: null, sources: [1], actions: [] },
    ],
    unassigned: [action('A-VERY-LONG-REFERENCE-01', { narrative: null, status: null, progress: null, sources: [] })],
    sources: [{ n: 1, id: 'cedefop-43782', title: 'Action plan for lifelong learning: Belgium-FL', publisher: 'Cedefop & ReferNet', url: 'https://www.cedefop.europa.eu/en/tools/timeline-vet-policies-europe/search/43782' }],
    editorAssigned: ['K-01'],
  };
}
