// The attendance half of the analysis engine (issue 3): patterns, trend and the figures behind
// them, from one student's records. See analyse.ts for the entry point and each detector's file
// for its threshold and why.
export { analyseAttendance, isAlarmPattern, ALARM_CODES, MIN_RECORDED_DAYS } from './analyse.ts';
export { LADDER } from './ladder.ts';
