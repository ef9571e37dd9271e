// The demo school: a deterministic synthetic junior high that `npm start` builds into an empty
// database and `npm run cli -- demo` builds on request.
export {
  buildDemoSchool,
  isDatabaseEmpty,
  DEMO_DEFAULT_SEED,
  DEMO_DEFAULT_STUDENTS,
  DEMO_MAX_STUDENTS,
  type BuildDemoOptions,
  type DemoHighlight,
  type DemoSummary,
} from './build-demo-school.ts';
export { DEMO_DEFAULT_STAFF_ID } from './staff.ts';
export type { ProfileKind } from './profiles.ts';
export { formatDemoSummary } from './format-summary.ts';
