// Nothing is lost when the database is down (SECURITY.md checklist 10, issue 8): Bolt acknowledges
// and drops any event whose authorization fails, and the event ledger lives in the database too.
// During an outage the event must still reach the engine, which tells the person it is
// temporarily unavailable, instead of vanishing after its ack.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventLedger, InstallationStore } from '../../../../src/chat/types.ts';
import { createFakeHandler, createFakeInstallations, createFakeLedger, dmEvent, eventEnvelope, recordSlackApi, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

function outage() {
  let down = false;
  const fail = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  const installations = createFakeInstallations();
  const ledger = createFakeLedger();
  const flakyInstallations: InstallationStore = {
    save: (i) => (down ? fail() : installations.save(i)),
    find: (p, w) => (down ? fail() : installations.find(p, w)),
    remove: (p, w) => (down ? fail() : installations.remove(p, w)),
  };
  const flakyLedger: EventLedger = {
    claim: (k) => (down ? fail() : ledger.claim(k)),
    complete: (k) => (down ? fail() : ledger.complete(k)),
    release: (k) => (down ? fail() : ledger.release(k)),
  };
  return { installations: flakyInstallations, ledger: flakyLedger, setDown: (next: boolean) => (down = next) };
}

describe('the database down while Slack events arrive', () => {
  it('an event from the installed workspace still reaches the engine, whose answer is posted', async () => {
    const api = recordSlackApi();
    const db = outage();
    const engine = createFakeHandler(() => ({ text: '一時的に利用できません。少し待ってからもう一度送ってください。', language: 'ja', sensitivity: 'public' }));
    h = await startHarness(engine, { installations: db.installations, ledger: db.ledger });
    db.setDown(true);
    expect((await h.send(eventEnvelope(dmEvent('鈴木さんの様子は？')))).status).toBe(200);
    await h.adapter.idle();
    expect(engine.turns.map((t) => t.text)).toEqual(['鈴木さんの様子は？']);
    expect(api.of('chat.postMessage').map((p) => p.body.text)).toEqual(['一時的に利用できません。少し待ってからもう一度送ってください。']);
    expect(h.logs.map((l) => l.code)).toEqual(expect.arrayContaining(['slack_installations_unavailable', 'slack_ledger_unavailable']));
  });

  it('a workspace the store never confirmed is still refused while it cannot be asked', async () => {
    recordSlackApi();
    const db = outage();
    const engine = createFakeHandler();
    h = await startHarness(engine, { installations: db.installations, ledger: db.ledger });
    db.setDown(true);
    await h.send(eventEnvelope(dmEvent('hello'), 'Ev0OTHER', 'T0OTHERSCHOOL'));
    await h.adapter.idle();
    expect(engine.turns).toEqual([]);
  });
});
