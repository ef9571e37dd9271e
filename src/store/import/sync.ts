// What every table's writer shares: the transaction type, per-file tallies, and batching.
// Writers load the table's existing rows once, decide in memory what is new or changed, create
// the new rows in batches and update only the changed ones, so an unchanged re-import writes
// nothing and leaves every updatedAt as it was.
import type { Prisma } from '../generated/sqlite/client.ts';
import type { Provider } from '../database.ts';
import type { Role } from '../../domain/school.ts';
import type { Row } from './table.ts';

export type Tx = Prisma.TransactionClient;

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface SyncContext {
  tx: Tx;
  /** For the bulk statements written per database (attendance). */
  provider: Provider;
  progress: (message: string) => void;
  batchSize: number;
  progressEvery: number;
  /** Every staff member's role after this import: the role decides an observation's visibility. */
  staffRoles: ReadonlyMap<string, Role>;
}

export interface TableResult {
  perFile: Map<string, ImportCounts>;
  /** Rows already in the table that this export did not mention; they are left as they are. */
  leftInPlace: number;
  /** Extra records written alongside (observation revisions). */
  revisions?: number;
}

export class Tally {
  readonly perFile = new Map<string, ImportCounts>();

  count(file: string, outcome: keyof ImportCounts): void {
    let counts = this.perFile.get(file);
    if (!counts) this.perFile.set(file, (counts = { added: 0, updated: 0, unchanged: 0 }));
    counts[outcome]++;
  }

  total(outcome: keyof ImportCounts): number {
    let sum = 0;
    for (const counts of this.perFile.values()) sum += counts[outcome];
    return sum;
  }
}

export interface Classified<R, E> {
  creates: Row<R>[];
  updates: { row: Row<R>; existing: E }[];
  tally: Tally;
}

/** Sorts incoming rows into new, changed and unchanged against the existing rows by natural key. */
export function classify<R, E>(
  rows: readonly Row<R>[],
  existing: ReadonlyMap<string, E>,
  key: (data: R) => string,
  changed: (data: R, existing: E) => boolean,
): Classified<R, E> {
  const result: Classified<R, E> = { creates: [], updates: [], tally: new Tally() };
  for (const row of rows) {
    const current = existing.get(key(row.data));
    if (current === undefined) {
      result.creates.push(row);
      result.tally.count(row.file, 'added');
    } else if (changed(row.data, current)) {
      result.updates.push({ row, existing: current });
      result.tally.count(row.file, 'updated');
    } else {
      result.tally.count(row.file, 'unchanged');
    }
  }
  return result;
}

export async function createInBatches<T>(ctx: SyncContext, label: string, items: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  let nextReport = ctx.progressEvery;
  for (let start = 0; start < items.length; start += ctx.batchSize) {
    await write(items.slice(start, start + ctx.batchSize));
    const done = Math.min(start + ctx.batchSize, items.length);
    if (done >= nextReport || (done === items.length && items.length >= ctx.progressEvery)) {
      ctx.progress(`${label}: added ${done.toLocaleString('en')} of ${items.length.toLocaleString('en')}`);
      while (nextReport <= done) nextReport += ctx.progressEvery;
    }
  }
}

export async function updateEach<T>(ctx: SyncContext, label: string, items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  let done = 0;
  for (const item of items) {
    await write(item);
    if (++done % ctx.progressEvery === 0) ctx.progress(`${label}: updated ${done.toLocaleString('en')} of ${items.length.toLocaleString('en')}`);
  }
}

export function result(tally: Tally, totalInTable: number, rowsInExport: number): TableResult {
  return { perFile: tally.perFile, leftInPlace: Math.max(0, totalInTable - rowsInExport) };
}
