// Imports a school's CSV export: validate everything, then write everything in one transaction,
// so a bad row anywhere leaves the database exactly as it was.
import { providerOfClient, type Db } from '../database.ts';
import { planClassGrades, syncClasses, syncStaffClasses } from './classes.ts';
import { FILE_KINDS, type FileKind } from './files.ts';
import { syncAttendance } from './kinds/attendance.ts';
import { syncBigFive } from './kinds/big-five.ts';
import { syncCalendar } from './kinds/calendar.ts';
import { syncCompetencies } from './kinds/competencies.ts';
import { syncEnvironment } from './kinds/environment.ts';
import type { RowsByKind } from './kinds/index.ts';
import { syncObservations } from './kinds/observations.ts';
import { checkChatIds, syncStaff } from './kinds/staff.ts';
import { syncStudents } from './kinds/students.ts';
import { syncSupportPlans } from './kinds/support-plans.ts';
import { loadExport } from './load.ts';
import { checkReferences, knownPeople } from './references.ts';
import type { FileSummary, ImportSummary } from './summary.ts';
import type { SyncContext, TableResult, Tx } from './sync.ts';

export interface ImportOptions {
  onProgress?: (message: string) => void;
  /** Rows per createMany: well under SQLite's and PostgreSQL's limits on bound parameters. */
  batchSize?: number;
  progressEvery?: number;
  /** Who ran the import, for the audit log (e.g. `cli:import`), and the clock it is stamped with. */
  actorId?: string;
  now?: () => Date;
}

type Writers = { [K in FileKind]?: (ctx: SyncContext, rows: RowsByKind[K]) => Promise<TableResult> };

/** Staff, students and classes are written by hand (classes sit between them); the rest in file order. */
const RECORD_WRITERS: Writers = {
  calendar: syncCalendar,
  attendance: syncAttendance,
  big_five: syncBigFive,
  competencies: syncCompetencies,
  environment: syncEnvironment,
  observations: syncObservations,
  support_plans: syncSupportPlans,
};

/** Long enough for a six-figure attendance export on a slow disk; a stuck import still ends. */
const TRANSACTION_TIMEOUT_MS = 15 * 60_000;

export async function importSchool(db: Db, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const progressEvery = options.progressEvery ?? 10_000;
  const loaded = loadExport(dir, { onProgress: progress, progressEvery });
  const { rows } = loaded;

  const provider = await providerOfClient(db);
  const outcome = await db.$transaction(
    async (tx) => {
      const grades = await checkAgainstDatabase(tx, rows);
      const ctx: SyncContext = { tx, provider, progress, progressEvery, batchSize: options.batchSize ?? 1000, staffRoles: grades.staffRoles };
      const results = new Map<FileKind, TableResult>();
      const run = async <K extends FileKind>(kind: K, write: (ctx: SyncContext, rows: RowsByKind[K]) => Promise<TableResult>) => {
        if (rows[kind].length === 0) return;
        progress(`writing ${kind.replace('_', ' ')}`);
        results.set(kind, await write(ctx, rows[kind]));
      };
      await run('staff', syncStaff);
      const classes = await syncClasses(ctx, grades.classGrades);
      await run('students', syncStudents);
      const staffClasses = await syncStaffClasses(ctx, rows.staff, rows.students);
      for (const kind of FILE_KINDS) {
        const write = RECORD_WRITERS[kind] as ((ctx: SyncContext, rows: RowsByKind[typeof kind]) => Promise<TableResult>) | undefined;
        if (write) await run(kind, write);
      }
      // Written in the same transaction: the audit says an import happened exactly when it did.
      await tx.auditEvent.create({
        data: {
          at: (options.now ?? (() => new Date()))(),
          actorId: options.actorId ?? 'cli:import',
          action: 'write',
          kind: 'school_export',
          intent: 'import',
          result: 'allowed',
          reason: `${loaded.files.length} files`,
        },
      });
      return { results, classes, staffClasses };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
  );

  const files: FileSummary[] = loaded.files.map((f) => ({
    ...f,
    ...(outcome.results.get(f.kind)?.perFile.get(f.file) ?? { added: 0, updated: 0, unchanged: 0 }),
  }));
  const leftInPlace: ImportSummary['leftInPlace'] = {};
  for (const [kind, r] of outcome.results) leftInPlace[kind] = r.leftInPlace;
  const summary: ImportSummary = {
    files,
    classes: outcome.classes,
    staffClasses: outcome.staffClasses,
    observationRevisions: outcome.results.get('observations')?.revisions ?? 0,
    leftInPlace,
    warnings: loaded.warnings,
    durationMs: Date.now() - started,
  };
  progress(`done in ${(summary.durationMs / 1000).toFixed(1)} s`);
  return summary;
}

/** The checks that need the database: references, chat-id clashes and class grades. */
async function checkAgainstDatabase(tx: Tx, rows: RowsByKind) {
  // One after another: a transaction is one connection, and its queries queue there anyway.
  const staff = await tx.staff.findMany({ select: { id: true, role: true, slackUserId: true, discordUserId: true } });
  const students = await tx.student.findMany({ select: { id: true } });
  const classes = await tx.schoolClass.findMany();
  const known = knownPeople(rows, staff, students);
  checkChatIds(rows.staff, staff);
  checkReferences(rows, known);
  const classGrades = planClassGrades(rows.staff, rows.students, new Map(classes.map((c) => [c.id, c.grade])));
  return { staffRoles: known.staff, classGrades };
}
