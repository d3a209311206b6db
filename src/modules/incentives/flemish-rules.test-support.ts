// Test helper (reads the disk); not part of the browser engine.
import path from 'node:path';
import { rootDir } from '../../platform/config.ts';
import type { Facts } from './engine/facts.schema.ts';
import { readIncentiveRules } from './incentive-data.ts';

// The bundled Flemish rule set, for tests.
export const flemishRules = readIncentiveRules(path.join(rootDir, 'data/flanders'));

/** The done-story profile: a low-qualified employee in Flanders with a recognised 40-hour course. */
export const lowQualified: Facts = {
  person: {
    birthDate: '1988-04-12', residenceRegion: 'flanders', workplaceRegion: 'flanders', employmentStatus: 'employee', sector: 'private',
    employmentFraction: 1, employmentFractionMarch: 1, weeklyHours: 38, qualificationLevel: 'low', careerGuidanceWithPop: false,
    workExperienceYears: 15, careerVouchersUsedLast6Years: 0, careerVouchersEverUsed: false, employerHeadcount: 35, jointCommittee: '124',
    unemploymentBenefit: false, timeCreditForTraining: false,
  },
  training: {
    inIncentivesDatabase: true, inPersonalDevelopmentPlan: false, contactHours: 40, studyCredits: 0, degreeKind: 'none', category: 'other',
    vksLevel: 5, leadsToShortageOccupation: false, leadsToQualification: true, initiative: 'own', paidByEmployer: false,
  },
};
