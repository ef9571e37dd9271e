// Prompts live as files in prompts/ (ARCHITECTURE.md). Each declares the {{placeholders}} it
// uses; a file whose placeholders differ from the declaration, or a render missing a value,
// throws, so a prompt edit cannot silently send "{{today}}" to the model.
import { readFileSync } from 'node:fs';

export const PROMPTS = {
  'understand.system': ['today', 'weekday'],
  'compose.system': ['language', 'maxSentences'],
} as const;

export type PromptName = keyof typeof PROMPTS;
export type PromptValues<N extends PromptName> = Record<(typeof PROMPTS)[N][number], string>;

export class PromptTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptTemplateError';
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const DEFAULT_DIR = new URL('../../../prompts/', import.meta.url);

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills every placeholder; throws on a placeholder without a value or a value without a placeholder. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const used = placeholdersOf(template);
  const missing = used.filter((name) => !(name in values));
  const unused = Object.keys(values).filter((name) => !used.includes(name));
  if (missing.length) throw new PromptTemplateError(`missing value for {{${missing.join('}}, {{')}}}`);
  if (unused.length) throw new PromptTemplateError(`unknown placeholder ${unused.map((n) => `{{${n}}}`).join(', ')}`);
  return template.replace(PLACEHOLDER, (_m, name: string) => values[name]!);
}

/** Checks a template against its declared placeholders. */
export function checkTemplate(name: string, template: string, declared: readonly string[]): void {
  const used = placeholdersOf(template);
  const unknown = used.filter((p) => !declared.includes(p));
  const absent = declared.filter((p) => !used.includes(p));
  if (unknown.length) throw new PromptTemplateError(`prompts/${name}.md uses unknown placeholder {{${unknown.join('}}, {{')}}}`);
  if (absent.length) throw new PromptTemplateError(`prompts/${name}.md lacks placeholder {{${absent.join('}}, {{')}}}`);
}

export interface PromptLibrary {
  render<N extends PromptName>(name: N, values: PromptValues<N>): string;
}

/** Reads and checks every prompt once (call at start-up: a broken prompt stops the start, not a turn). */
export function loadPrompts(dir: URL = DEFAULT_DIR): PromptLibrary {
  const templates = new Map<PromptName, string>();
  for (const [name, declared] of Object.entries(PROMPTS) as [PromptName, readonly string[]][]) {
    let text: string;
    try {
      text = readFileSync(new URL(`${name}.md`, dir), 'utf8').trim();
    } catch {
      throw new PromptTemplateError(`prompts/${name}.md cannot be read`);
    }
    checkTemplate(name, text, declared);
    templates.set(name, text);
  }
  return {
    render(name, values) {
      return fillTemplate(templates.get(name)!, values);
    },
  };
}
