// Turns of one conversation in order; idle() waits for everything, including work added meanwhile.
import { describe, expect, it } from 'vitest';
import { createDraftTexts } from '../../../../src/adapters/discord/draft-texts.ts';
import { createWork } from '../../../../src/adapters/discord/work.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createWork', () => {
  it('runs tasks of one key in order and of different keys side by side', async () => {
    const work = createWork();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await pause(ms);
      log.push(`end ${name}`);
    };
    await Promise.all([work.inTurn('a', task('a1', 30)), work.inTurn('a', task('a2', 1)), work.inTurn('b', task('b1', 1))]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps going after a failed task, and gives the error to its caller', async () => {
    const work = createWork();
    await expect(work.inTurn('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(work.inTurn('a', async () => 'next')).resolves.toBe('next');
  });

  it('idle waits for tracked work, including work started while waiting', async () => {
    const work = createWork();
    const done: string[] = [];
    void work.track(async () => {
      await pause(10);
      void work.track(async () => {
        await pause(10);
        done.push('second');
      });
      done.push('first');
    });
    await work.idle();
    expect(done).toEqual(['first', 'second']);
    await expect(work.track(async () => Promise.reject(new Error('y')))).rejects.toThrow('y');
    await work.idle();
  });
});

describe('createDraftTexts', () => {
  it('keeps the newest draft per conversation and forgets the oldest past its capacity', () => {
    const drafts = createDraftTexts(2);
    drafts.remember('a', { text: 'a1', language: 'ja' });
    drafts.remember('b', { text: 'b1', language: 'ja' });
    drafts.remember('a', { text: 'a2', language: 'en' });
    drafts.remember('c', { text: 'c1', language: 'ja' });
    expect(drafts.recall('a')).toEqual({ text: 'a2', language: 'en' });
    expect(drafts.recall('b')).toBeUndefined();
    drafts.forget('a');
    expect(drafts.recall('a')).toBeUndefined();
    expect(drafts.recall('c')?.text).toBe('c1');
  });
});
