// Keeps ARCHITECTURE.md's import rules true: a layer that reaches past its neighbours fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../../src/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // from-imports and re-exports, dynamic import(), and bare side-effect imports (`import './x.ts'`).
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The top-level folder under src/ that an import resolves to, or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('node:') ? 'node' : specifier;
  const resolved = relative(src, join(file, '..', specifier));
  return resolved.split('/')[0]!;
}

const rules: Record<string, { allowInternal: string[]; forbidPackages: RegExp }> = {
  domain: { allowInternal: ['domain'], forbidPackages: /^(@prisma|@slack|discord\.js|@langchain|langchain|node|pg|better-sqlite3)/ },
  analysis: { allowInternal: ['domain', 'analysis'], forbidPackages: /^(@prisma|@slack|discord\.js|@langchain|langchain|node|pg|better-sqlite3)/ },
  chat: { allowInternal: ['chat'], forbidPackages: /^(@prisma|@slack|discord\.js|@langchain|langchain|pg|better-sqlite3)/ },
  adapters: { allowInternal: ['chat', 'adapters'], forbidPackages: /^(@prisma|@langchain|langchain|pg|better-sqlite3)/ },
  engine: { allowInternal: ['engine', 'services', 'domain', 'chat'], forbidPackages: /^(@prisma|@slack|discord\.js|pg|better-sqlite3)/ },
  services: { allowInternal: ['services', 'store', 'access', 'analysis', 'domain'], forbidPackages: /^(@slack|discord\.js|@langchain|langchain)/ },
  // The digest job gets its store-backed pieces (claims, recipients, delivery) injected by main.ts.
  jobs: { allowInternal: ['jobs', 'services', 'engine', 'chat', 'domain'], forbidPackages: /^(@prisma|@slack|discord\.js|pg|better-sqlite3)/ },
  access: { allowInternal: ['access', 'domain'], forbidPackages: /^(@prisma|@slack|discord\.js|@langchain|langchain|pg|better-sqlite3)/ },
};

describe('import rules (ARCHITECTURE.md)', () => {
  for (const [layer, rule] of Object.entries(rules)) {
    it(`src/${layer} imports only what it may`, () => {
      const violations: string[] = [];
      for (const file of filesUnder(join(src, layer))) {
        for (const specifier of importsOf(file)) {
          const to = target(file, specifier);
          const internal = specifier.startsWith('.');
          if (internal && !rule.allowInternal.includes(to.replace(/\.ts$/, ''))) violations.push(`${relative(src, file)} -> ${specifier}`);
          if (!internal && rule.forbidPackages.test(to)) violations.push(`${relative(src, file)} -> ${specifier}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('only src/config reads process.env', () => {
    const readers = filesUnder(src).filter((f) => !f.includes('/config/') && /process\.env/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => relative(src, f))).toEqual([]);
  });
});
