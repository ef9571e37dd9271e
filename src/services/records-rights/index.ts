// Records rights (APPI): disclosure (export), correction, deletion and retention. Every function
// takes the service context and the admin acting, decides in code (access/policy.ts,
// mayExerciseRecordsRights) and audits; a non-admin gets AccessDeniedError('not_records_admin').
export { exportStudent } from './export-student.ts';
export { renderStudentExport } from './export-document.ts';
export type { StudentExport, StaffRef, ExportedObservation, ExportedPlan } from './export-types.ts';
export { correctStudentRecords } from './correct-records.ts';
export { PROFILE_FIELDS, ATTENDANCE_FIELDS, OBSERVATION_FIELDS } from './correction-types.ts';
export type { Correction, CorrectionResult, AppliedCorrection, CorrectionValue } from './correction-types.ts';
export { deleteStudent, type StudentDeletion } from './delete-student.ts';
export type { StudentFootprint } from './erase-student.ts';
export { retentionReport, runRetention, runScheduledRetention, type RetentionReport, type RetentionItem, type RetentionAction } from './retention.ts';
export { isRetentionOn, retentionCutoff, type RetentionPolicy } from './retention-policy.ts';
export { RecordsRightsError, type RecordsRightsErrorCode } from './errors.ts';
export { authoriseRecordsRights, isRecordsRightsRefusal, NOT_RECORDS_ADMIN, RECORDS_RIGHTS_INTENTS, RETENTION_SYSTEM_ACTOR } from './authorise.ts';
