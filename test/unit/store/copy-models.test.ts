// db copy's list of models (src/store/copy-database.ts) against the schema: every model, each
// once, with its @id/@@id fields, parents before children. A model added to prisma/schema.prisma
// and not to COPY_MODELS fails here (and db copy refuses to run), so a copy never silently drops
// a table. A pure test: no database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../../src/store/generated/sqlite/client.ts';
import { COPY_MODELS, DEFAULT_PAGE_ROWS, keysetAfter, MAX_PAGE_ROWS, modelListProblems, pageRowsFor, scalarFields } from '../../../src/store/copy-database.ts';

interface SchemaModel {
  name: string;
  key: string[];
  /** Models this one points at with a foreign key (`@relation(fields: ...)`). */
  parents: string[];
}

function parseSchema(): SchemaModel[] {
  const text = readFileSync(fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url)), 'utf8');
  return [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name, body]) => {
    const lines = body!.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim());
    const compound = body!.match(/@@id\(\[([^\]]+)\]\)/);
    const key = compound ? compound[1]!.split(',').map((f) => f.trim()) : lines.filter((l) => /\s@id\b/.test(l)).map((l) => l.split(/\s+/)[0]!);
    const parents = lines.filter((l) => /@relation\([^)]*fields:/.test(l)).map((l) => l.split(/\s+/)[1]!.replace(/[?[\]]/g, ''));
    return { name: name!, key, parents };
  });
}

describe('db copy: the list of models', () => {
  const schema = parseSchema();

  it('holds exactly the generated client\'s models (Prisma.ModelName), each once', () => {
    expect(COPY_MODELS.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    expect(new Set(COPY_MODELS.map((m) => m.name)).size).toBe(COPY_MODELS.length);
    expect(modelListProblems()).toEqual([]);
    expect(schema.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it('reports a forgotten model and one the schema does not have', () => {
    const without = COPY_MODELS.filter((m) => m.name !== 'AuditEvent');
    expect(modelListProblems(without)).toEqual(['model AuditEvent is missing from COPY_MODELS']);
    expect(modelListProblems([...COPY_MODELS, { name: 'Ghost' as Prisma.ModelName, key: ['id'] }])).toEqual(['COPY_MODELS lists Ghost, which the schema does not have']);
  });

  it("pages each model by its @id / @@id fields (e.g. Attendance by studentId, date)", () => {
    const keys = Object.fromEntries(COPY_MODELS.map((m) => [m.name, [...m.key]]));
    expect(keys).toEqual(Object.fromEntries(schema.map((m) => [m.name, m.key])));
    expect(keys.Attendance).toEqual(['studentId', 'date']);
    for (const m of COPY_MODELS) for (const field of m.key) expect(scalarFields(m.name)).toContain(field);
  });

  it('lists every parent before its children (foreign-key order)', () => {
    const position = new Map(COPY_MODELS.map((m, i) => [m.name as string, i]));
    const late = schema.flatMap((m) => m.parents.filter((p) => p !== m.name && position.get(p)! > position.get(m.name)!).map((p) => `${m.name} before its parent ${p}`));
    expect(late).toEqual([]);
    expect(schema.find((m) => m.name === 'Student')!.parents.sort()).toEqual(['SchoolClass', 'Staff']);
  });

  it('keeps a page within the bound-parameter budget and within 1,000-5,000 rows', () => {
    for (const m of COPY_MODELS) {
      expect(pageRowsFor(m.name)).toBe(DEFAULT_PAGE_ROWS);
      const largest = pageRowsFor(m.name, MAX_PAGE_ROWS);
      expect(largest * scalarFields(m.name).length).toBeLessThanOrEqual(30_000);
      expect(largest).toBeGreaterThanOrEqual(1000);
      expect(largest).toBeLessThanOrEqual(5000);
    }
    expect(DEFAULT_PAGE_ROWS).toBe(1000);
    expect(pageRowsFor('Attendance', MAX_PAGE_ROWS)).toBe(5000);
    expect(pageRowsFor('Attendance', 16)).toBe(16);
  });

  it('builds the keyset condition "after the last row" with a leading range on the first key field', () => {
    expect(keysetAfter(['id'], { id: 7 })).toEqual({ id: { gt: 7 } });
    expect(keysetAfter(['studentId', 'date'], { studentId: 'S001', date: '2026-04-06' })).toEqual({
      AND: [{ studentId: { gte: 'S001' } }, { OR: [{ studentId: { gt: 'S001' } }, { AND: [{ studentId: 'S001' }, { date: { gt: '2026-04-06' } }] }] }],
    });
  });
});
