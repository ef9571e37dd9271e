// Makes the Prisma CLI use its bundled WebAssembly schema engine (no engine download; see
// TOOLCHAIN.md). The CLI is only used to generate clients and diff migrations: it never needs
// a real database, so the adapter points at an in-memory SQLite.
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' }),
  schema: 'prisma/schema.prisma',
});
