// Keeps the two providers in step from one schema source (see TOOLCHAIN.md: a Prisma client is
// generated for one provider, and `migrate dev` cannot run here, so migrations are SQL files
// produced by `migrate diff` and applied by src/store/migrate.ts).
//
//   tsx scripts/prisma.ts generate          derive the PostgreSQL schema, generate both clients
//   tsx scripts/prisma.ts migration <name>  write the SQL that brings each provider's database
//                                           from the last migration's schema to the current one
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const providers = ['sqlite', 'postgresql'] as const;
type Provider = (typeof providers)[number];

const sourceSchema = 'prisma/schema.prisma';
const schemaPath = (p: Provider) => (p === 'sqlite' ? sourceSchema : 'prisma/postgresql/schema.prisma');
const migrationsDir = (p: Provider) => join('prisma/migrations', p);
const snapshotPath = (p: Provider) => join(migrationsDir(p), 'schema-at-last-migration.prisma');

function derivePostgresSchema(): void {
  const sqlite = readFileSync(sourceSchema, 'utf8');
  const pg = sqlite
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db"', 'url      = "postgresql://localhost:5432/yorisoi"')
    .replace('../src/store/generated/sqlite', '../../src/store/generated/postgresql');
  if (pg === sqlite) throw new Error('could not derive the PostgreSQL schema: datasource block changed shape');
  mkdirSync('prisma/postgresql', { recursive: true });
  writeFileSync(
    schemaPath('postgresql'),
    '// GENERATED from prisma/schema.prisma by scripts/prisma.ts. Do not edit.\n' + pg,
  );
}

function prisma(args: string[]): string {
  return execFileSync('npx', ['prisma', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function generate(): void {
  derivePostgresSchema();
  for (const p of providers) prisma(['generate', '--schema', schemaPath(p)]);
}

function migration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('migration name: use lower-case letters, digits and _');
  derivePostgresSchema();
  for (const p of providers) {
    const dir = migrationsDir(p);
    mkdirSync(dir, { recursive: true });
    const from = existsSync(snapshotPath(p)) ? ['--from-schema-datamodel', snapshotPath(p)] : ['--from-empty'];
    const sql = prisma(['migrate', 'diff', ...from, '--to-schema-datamodel', schemaPath(p), '--script']);
    const count = readdirSync(dir).filter((f) => /^\d{4}_/.test(f)).length;
    const folder = join(dir, `${String(count + 1).padStart(4, '0')}_${name}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'migration.sql'), sql);
    copyFileSync(schemaPath(p), snapshotPath(p));
    console.log(`wrote ${folder}/migration.sql`);
  }
}

const [command, arg] = process.argv.slice(2);
if (command === 'generate') generate();
else if (command === 'migration' && arg) migration(arg);
else {
  console.error('usage: tsx scripts/prisma.ts generate | migration <name>');
  process.exit(2);
}
