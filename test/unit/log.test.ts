import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../src/log.ts';

function capture(level: Parameters<typeof createLogger>[0]) {
  const sink = new PassThrough();
  const lines: string[] = [];
  sink.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const log = createLogger(level, sink, () => new Date('2026-11-20T08:00:00Z'));
  return { log, events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the application log (pino)', () => {
  it('writes one JSON object per event: time, level, event code and fields', () => {
    const { log, events } = capture('info');
    log.info('digest_sent', { staff: 'T01', count: 3 });
    expect(events()).toEqual([{ time: '2026-11-20T08:00:00.000Z', level: 'info', event: 'digest_sent', staff: 'T01', count: 3 }]);
  });

  it('drops events below the configured level; silent writes nothing', () => {
    const warn = capture('warn');
    warn.log.info('ignored');
    warn.log.debug('ignored');
    warn.log.error('kept');
    expect(warn.events().map((e) => e.event)).toEqual(['kept']);
    const silent = capture('silent');
    silent.log.error('nothing');
    expect(silent.events()).toEqual([]);
  });

  it('censors fields whose names may carry a person’s words or name, even if a call site passes one by mistake', () => {
    const { log, events } = capture('debug');
    log.warn('oops', { text: '鈴木結衣さんが泣いていた', studentId: 'S002', name: '鈴木', email: 'a@b.jp', staff: 'T01' });
    const [event] = events();
    expect(event).toMatchObject({ text: REDACTED, studentId: REDACTED, name: REDACTED, email: REDACTED, staff: 'T01' });
    expect(JSON.stringify(event)).not.toMatch(/鈴木|S002|a@b/);
  });
});
