// A local stand-in for Slack's Web API (SLACK_API_URL points the bot at it), for tests that run
// the real bot in a child process where nock cannot reach. Records every call; answers each
// method with the smallest successful response the bot reads.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
}

export interface SlackStandIn {
  /** Base URL for SLACK_API_URL (ends in /api/). */
  apiUrl: string;
  /** A URL to put in payloads as response_url; posts to it are recorded as method 'response_url'. */
  responseUrl: string;
  calls: SlackCall[];
  waitFor(predicate: (call: SlackCall) => boolean, ms?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

export const STAND_IN_TEAM = 'T0SCHOOL';
export const STAND_IN_BOT_USER = 'U0YORISOI';

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends blocks and other structures as JSON strings inside the form.
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

function answer(method: string, body: Record<string, unknown>, n: number): Record<string, unknown> {
  const ts = `1763600000.${String(n).padStart(6, '0')}`;
  switch (method) {
    case 'auth.test':
      return { ok: true, team_id: STAND_IN_TEAM, user_id: STAND_IN_BOT_USER, bot_id: 'B0YORISOI', team: 'School', url: 'https://school.slack.com/' };
    case 'conversations.open':
      return { ok: true, channel: { id: `D0${String(body.users ?? 'X').replace(/,/g, '')}` } };
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts, message: { ts } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts };
    case 'views.open':
    case 'views.publish':
      return { ok: true, view: { id: `V${n}` } };
    default:
      return { ok: true };
  }
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '';
      const method = path.startsWith('/api/') ? path.slice(5).split('?')[0]! : 'response_url';
      const body = parseBody(raw, req.headers['content-type']);
      calls.push({ method, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(method, body, calls.length)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/commands/response`,
    calls,
    async waitFor(predicate, ms = 20_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such Slack call; seen: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Headers Slack sends with a request body signed by the app's signing secret. */
export function slackSignature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}
