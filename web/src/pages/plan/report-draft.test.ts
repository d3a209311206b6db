import { describe, expect, it } from 'vitest';
import type { PlanReport } from '../../api/plan-types.ts';
import { draftFromReport, emptyLink, emptyObstacle, inputFromDraft } from './report-draft.ts';

const report: PlanReport = {
  year: 2024,
  status: 'implementing',
  progress: 40,
  narrative: { en: 'Enhanced and widely adopted.' },
  evidenceLinks: [{ url: 'https://www.vdab.be/', title: 'VDAB' }],
  obstacles: [{ text: 'Budget', severity: 'high', owner: null, resolved: false }],
  sources: ['cedefop-43782'],
  submittedAt: null,
  approvedAt: null,
  version: 2,
};

describe('draftFromReport', () => {
  it('fills the form from the existing report', () => {
    const draft = draftFromReport(report);
    expect(draft).toMatchObject({
      status: 'implementing',
      progress: '40',
      narrative: { nl: '', fr: '', en: 'Enhanced and widely adopted.' },
      evidenceLinks: [{ url: 'https://www.vdab.be/', title: 'VDAB' }],
      obstacles: [{ text: 'Budget', severity: 'high', owner: '', resolved: false }],
    });
  });

  it('starts empty without a report, with no status and no progress', () => {
    expect(draftFromReport(undefined)).toMatchObject({ status: '', progress: '', evidenceLinks: [], obstacles: [] });
    expect(draftFromReport({ ...report, status: null, progress: null })).toMatchObject({ status: '', progress: '' });
  });
});

describe('inputFromDraft', () => {
  it('sends only the languages written, a number for progress and no empty rows', () => {
    const draft = draftFromReport(report);
    draft.narrative.nl = 'Uitgebreid.';
    draft.evidenceLinks.unshift(emptyLink());
    draft.obstacles.push(emptyObstacle(), { ...emptyObstacle(), text: 'Staff', severity: 'low', owner: ' HR ' });
    const { input, linkRows, obstacleRows } = inputFromDraft(draft);
    expect(input).toEqual({
      status: 'implementing',
      progress: 40,
      narrative: { nl: 'Uitgebreid.', en: 'Enhanced and widely adopted.' },
      evidenceLinks: [{ url: 'https://www.vdab.be/', title: 'VDAB' }],
      obstacles: [
        { text: 'Budget', severity: 'high', owner: null, resolved: false },
        { text: 'Staff', severity: 'low', owner: 'HR', resolved: false },
      ],
    });
    // Row 0 of the links was empty and left out: the first link sent is row 1 of the form.
    expect(linkRows).toEqual([1]);
    expect(obstacleRows).toEqual([0, 2]);
  });

  it('leaves progress out when empty, and sends what the server must judge as typed', () => {
    const draft = draftFromReport(undefined);
    expect(inputFromDraft(draft).input).toEqual({ status: '', narrative: {}, evidenceLinks: [], obstacles: [] });
    draft.progress = '150';
    draft.narrative.en = '<script>alert(1)</script>';
    draft.evidenceLinks.push({ ...emptyLink(), title: 'no address' });
    expect(inputFromDraft(draft).input).toMatchObject({
      progress: 150,
      narrative: { en: '<script>alert(1)</script>' },
      evidenceLinks: [{ url: '', title: 'no address' }],
    });
  });
});
