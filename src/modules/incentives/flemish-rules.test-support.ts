// Test helper (reads the disk); not part of the browser engine.
import path from 'node:path';
import { rootDir } from '../../platform/config.ts';
import { readIncentiveRules } from './incentive-data.ts';

// The bundled Flemish rule set, for tests.
export const flemishRules = readIncentiveRules(path.join(rootDir, 'data/flanders'));
