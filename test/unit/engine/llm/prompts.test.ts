// Prompt files and their placeholders, checked at load.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTemplate, fillTemplate, loadPrompts, placeholdersOf, PROMPTS, PromptTemplateError } from '../../../../src/engine/llm/prompts.ts';

function promptDir(files: Record<string, string>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-prompts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.md`), text);
  return pathToFileURL(`${dir}/`);
}

describe('prompt templates', () => {
  it('the shipped prompts load, and render with every placeholder filled', () => {
    const prompts = loadPrompts();
    const understand = prompts.render('understand.system', { today: '2026-11-20', weekday: 'Friday' });
    expect(understand).toContain('Today is 2026-11-20 (Friday)');
    expect(understand).not.toMatch(/\{\{|\}\}/);
    const compose = prompts.render('compose.system', { language: 'Japanese', maxSentences: '5' });
    expect(compose).toContain('in Japanese');
    expect(compose).not.toMatch(/\{\{|\}\}/);
  });

  it('fills placeholders, and throws on a missing value or an unknown placeholder', () => {
    expect(placeholdersOf('a {{x}} b {{ y }} {{x}}')).toEqual(['x', 'y']);
    expect(fillTemplate('Today is {{today}}.', { today: '2026-11-20' })).toBe('Today is 2026-11-20.');
    expect(() => fillTemplate('Today is {{today}}.', {})).toThrow(PromptTemplateError);
    expect(() => fillTemplate('Today is {{today}}.', { today: 'x', tomorrow: 'y' })).toThrow(/unknown placeholder \{\{tomorrow\}\}/);
  });

  it('a prompt file whose placeholders differ from the declaration stops the start', () => {
    expect(() => checkTemplate('understand.system', 'Today is {{today}} {{weekday}} {{school}}', PROMPTS['understand.system'])).toThrow(/unknown placeholder \{\{school\}\}/);
    expect(() => checkTemplate('understand.system', 'Today is {{today}}', PROMPTS['understand.system'])).toThrow(/lacks placeholder \{\{weekday\}\}/);
    const broken = promptDir({ 'understand.system': 'Today is {{todya}} ({{weekday}})', 'compose.system': '{{language}} {{maxSentences}}' });
    expect(() => loadPrompts(broken)).toThrow(/understand\.system\.md uses unknown placeholder \{\{todya\}\}/);
    expect(() => loadPrompts(promptDir({ 'understand.system': '{{today}} {{weekday}}' }))).toThrow(/compose\.system\.md cannot be read/);
  });
});
