import { fileURLToPath } from 'node:url';

/** The realistic school export shared with the project (../shared/sample-school). */
export const SAMPLE_SCHOOL_DIR = fileURLToPath(new URL('../../../shared/sample-school/', import.meta.url));

/** The moment the sample export was taken: Friday 2026-11-20, after school. */
export const SAMPLE_NOW = new Date('2026-11-20T17:00:00+09:00');
