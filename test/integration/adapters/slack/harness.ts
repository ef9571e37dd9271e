// Drives the real Slack adapter (real Bolt, HTTP mode on 127.0.0.1, port 0) with signed requests,
// and stands in for Slack's Web API with nock. In-memory fakes for the ledger and installations.
import nock from 'nock';
import { expect } from 'vitest';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterInternals, type SlackAdapterOptions } from '../../../../src/adapters/slack/index.ts';
import { signSlackRequest } from '../../../../src/adapters/slack/signature.ts';
import type { ChatHandler, EventLedger, IncomingMessage, Installation, InstallationStore, Platform, Reply } from '../../../../src/chat/types.ts';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';
export const TEAM = 'T0SCHOOL';
export const BOT_USER = 'U0BOT';
export const BOT_ID = 'B0BOT';
export const SLACK = 'https://slack.com';
export const HOOKS = 'https://hooks.slack.com';

// ---------- fakes ----------

export interface FakeLedger extends EventLedger {
  state: Map<string, 'claimed' | 'done'>;
  log: string[];
}

/** Claims are atomic (check and set in one synchronous step), like the database's. */
export function createFakeLedger(): FakeLedger {
  const state = new Map<string, 'claimed' | 'done'>();
  const log: string[] = [];
  return {
    state,
    log,
    async claim(key) {
      log.push(`claim ${key}`);
      if (state.has(key)) return false;
      state.set(key, 'claimed');
      return true;
    },
    async complete(key) {
      log.push(`complete ${key}`);
      state.set(key, 'done');
    },
    async release(key) {
      log.push(`release ${key}`);
      state.delete(key);
    },
  };
}

export function createFakeInstallations(): InstallationStore & { all: Map<string, Installation> } {
  const all = new Map<string, Installation>();
  const key = (platform: Platform, workspaceId: string) => `${platform}:${workspaceId}`;
  return {
    all,
    async save(installation) {
      all.set(key(installation.platform, installation.workspaceId), installation);
    },
    async find(platform, workspaceId) {
      return all.get(key(platform, workspaceId));
    },
    async remove(platform, workspaceId) {
      all.delete(key(platform, workspaceId));
    },
  };
}

export interface FakeHandler extends ChatHandler {
  turns: IncomingMessage[];
  homes: string[];
}

export function reply(text: string, extra: Partial<Reply> = {}): Reply {
  return { text, language: 'ja', sensitivity: 'staff', ...extra };
}

/** Records every call; answers with `answer(message)` (default: a staff-level echo). */
export function createFakeHandler(answer: (message: IncomingMessage) => Reply | Promise<Reply> = (m) => reply(`echo: ${m.text}`)): FakeHandler {
  const turns: IncomingMessage[] = [];
  const homes: string[] = [];
  return {
    turns,
    homes,
    async handleTurn(message) {
      turns.push(message);
      return answer(message);
    },
    async home(_platform, userId) {
      homes.push(userId);
      return reply('ホーム: 今週気になる生徒 2名', { sensitivity: 'restricted' });
    },
  };
}

// ---------- Slack's Web API, recorded ----------

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** The Authorization header: which token made the call. */
  auth: string | undefined;
  at: number;
  /** What the stand-in answered. */
  result: Record<string, unknown>;
}

/** Web API bodies are form-encoded with JSON inside (blocks, view); decoded for assertions. */
export function decodeApiBody(raw: unknown): Record<string, unknown> {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(String(raw ?? ''))) {
    body[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  }
  return body;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const DEFAULT_RESULTS: Record<string, Record<string, unknown>> = {
  'auth.test': { ok: true, team_id: TEAM, user_id: BOT_USER, bot_id: BOT_ID },
  'conversations.open': { ok: true, channel: { id: 'D0ASKER' } },
  'chat.postMessage': { ok: true, ts: '1700000100.000100' },
};

/**
 * A persistent stand-in for every /api/* method, recording calls. Register one-off interceptors
 * (e.g. a 429) before calling this so they are matched first.
 */
type Result = Record<string, unknown>;

export function recordSlackApi(results: Record<string, Result | (() => Result)> = {}): { calls: ApiCall[]; of(method: string): ApiCall[] } {
  const calls: ApiCall[] = [];
  nock(SLACK)
    .persist()
    .post(/^\/api\/[a-zA-Z.]+$/)
    .reply(function (uri, rawBody) {
      const method = uri.replace('/api/', '');
      const auth = this.req.headers.authorization;
      const given = results[method];
      const result = (typeof given === 'function' ? given() : given) ?? DEFAULT_RESULTS[method] ?? { ok: true };
      calls.push({ method, body: decodeApiBody(rawBody), auth: Array.isArray(auth) ? auth[0] : auth, at: Date.now(), result });
      return [200, result];
    });
  return { calls, of: (method) => calls.filter((c) => c.method === method) };
}

/** Records posts to one response_url. */
export function recordResponseUrl(path: string): { posts: Record<string, unknown>[] } {
  const posts: Record<string, unknown>[] = [];
  nock(HOOKS)
    .persist()
    .post(path)
    .reply(200, function (_uri, body) {
      posts.push(typeof body === 'string' ? JSON.parse(body) : (body as Record<string, unknown>));
      return 'ok';
    });
  return { posts };
}

// ---------- the adapter over HTTP ----------

export interface Harness {
  adapter: SlackAdapter;
  handler: FakeHandler;
  ledger: FakeLedger;
  installations: ReturnType<typeof createFakeInstallations>;
  logs: { level: string; code: string; fields?: Record<string, unknown> }[];
  url: string;
  /** POST a signed request; `body` is JSON for events, a form (URLSearchParams) for the rest. */
  send(body: object | URLSearchParams, options?: { retryNum?: number; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startHarness(
  handler: FakeHandler = createFakeHandler(),
  options: Partial<SlackAdapterOptions> = {},
  internals: SlackAdapterInternals = {},
): Promise<Harness> {
  const ledger = createFakeLedger();
  const installations = createFakeInstallations();
  const logs: Harness['logs'] = [];
  const adapter = createSlackAdapter(
    {
      mode: 'http',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      port: 0,
      host: '127.0.0.1',
      ledger,
      installations,
      log: (level, code, fields) => logs.push({ level, code, ...(fields ? { fields } : {}) }),
      channelIntervalMs: 0,
      ...options,
    },
    internals,
  );
  await adapter.start(handler);
  const port = adapter.address()?.port;
  expect(port).toBeGreaterThan(0);
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    adapter,
    handler,
    ledger,
    installations,
    logs,
    url,
    send: (body, sendOptions = {}) => signedPost(url, body, sendOptions),
    stop: () => adapter.stop(),
  };
}

export function signedPost(
  url: string,
  body: object | URLSearchParams,
  options: { retryNum?: number; headers?: Record<string, string>; timestamp?: number } = {},
): Promise<Response> {
  const form = body instanceof URLSearchParams;
  const raw = form ? body.toString() : JSON.stringify(body);
  const ts = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': signSlackRequest(SIGNING_SECRET, ts, raw),
    ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    ...options.headers,
  };
  return fetch(url, { method: 'POST', headers, body: raw });
}

// ---------- payloads ----------

let sequence = 0;
const nextTs = () => `1700000000.${String(++sequence).padStart(6, '0')}`;

export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++sequence}`, teamId = TEAM): Record<string, unknown> {
  return { token: 'x', team_id: teamId, api_app_id: 'A0APP', type: 'event_callback', event_id: eventId, event_time: 1700000000, event, authorizations: [{ team_id: teamId, user_id: BOT_USER, is_bot: true }] };
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: 'U0ASKER', text: `<@${BOT_USER}> ${text}`, ts: nextTs(), channel: 'C0STAFF', event_ts: '1', ...extra };
}

export function dmEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user: 'U0ASKER', text, ts: nextTs(), channel: 'D0ASKER', event_ts: '1', ...extra };
}

export function slashCommand(text: string, responsePath = '/commands/T0SCHOOL/1/abc'): URLSearchParams {
  return new URLSearchParams({
    token: 'x',
    team_id: TEAM,
    team_domain: 'school',
    channel_id: 'C0STAFF',
    channel_name: 'staff',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/yorisoi',
    text,
    api_app_id: 'A0APP',
    response_url: `${HOOKS}${responsePath}`,
    trigger_id: `trigger-${++sequence}`,
  });
}

export function interaction(payload: Record<string, unknown>): URLSearchParams {
  return new URLSearchParams({ payload: JSON.stringify(payload) });
}

export function parseJsonField<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
