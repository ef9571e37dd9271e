// Socket Mode, the default: the adapter dials out to Slack's WebSocket (here a local server that
// apps.connections.open points to), acks each envelope before working on it, and dedupes retries.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../../../src/adapters/slack/index.ts';
import type { Reply } from '../../../../src/chat/types.ts';
import { BOT_TOKEN, createFakeHandler, createFakeInstallations, createFakeLedger, eventEnvelope, mentionEvent, recordSlackApi, reply } from './harness.ts';

let adapter: SlackAdapter | undefined;
let server: WebSocketServer | undefined;
afterEach(async () => {
  await adapter?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  adapter = undefined;
  server = undefined;
  nock.cleanAll();
});

/** A stand-in for Slack's Socket Mode endpoint: says hello, records what the client sends. */
async function startSocketServer(): Promise<{ url: string; received: Record<string, unknown>[]; send(message: object): void }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server = wss;
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const received: Record<string, unknown>[] = [];
  let socket: WebSocket | undefined;
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => received.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'local' } }));
  });
  const address = wss.address() as { port: number };
  return { url: `ws://127.0.0.1:${address.port}/link/?ticket=t`, received, send: (message) => socket!.send(JSON.stringify(message)) };
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('Socket Mode', () => {
  it('connects with the app token, acks envelopes before the work, and answers once per event', async () => {
    const socket = await startSocketServer();
    const api = recordSlackApi({ 'apps.connections.open': { ok: true, url: socket.url } });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const handler = createFakeHandler(async (m): Promise<Reply> => {
      await released;
      return reply(`echo ${m.text}`);
    });
    adapter = createSlackAdapter({ mode: 'socket', botToken: BOT_TOKEN, appToken: 'xapp-test', port: 0, ledger: createFakeLedger(), installations: createFakeInstallations(), log: () => {}, channelIntervalMs: 0 });
    await adapter.start(handler);
    expect(adapter.address()).toBeUndefined();

    const payload = eventEnvelope(mentionEvent('ソケット経由'), 'EvSOCKET');
    socket.send({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    await waitFor(() => socket.received.length === 1);
    expect(socket.received[0]).toEqual({ envelope_id: 'env-1', payload: {} });
    await waitFor(() => handler.turns.length === 1);
    expect(api.of('chat.postMessage')).toHaveLength(0); // acked while the engine still works

    // Slack's retry of the same event, on a new envelope, while the first is in progress.
    socket.send({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await waitFor(() => socket.received.length === 2);
    expect(socket.received[1]).toEqual({ envelope_id: 'env-2', payload: {} });

    release();
    await adapter.idle();
    expect(handler.turns).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(api.of('apps.connections.open').map((c) => c.auth)).toEqual(['Bearer xapp-test']);
    expect(api.of('chat.postMessage')[0]!.auth).toBe(`Bearer ${BOT_TOKEN}`);
  });
});
