// HTTP mode: one endpoint, /slack/events, for events, slash commands and interactivity. Bolt's
// HTTPReceiver does the Slack protocol; this server stands in front of it so that every request
// is authenticated by our stricter signature check first (see signature.ts), a refused request
// gets 401 and never reaches Bolt, and shutdown can refuse new work while old work finishes.
import { createServer, type IncomingMessage as HttpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';
import { HTTPModuleFunctions, HTTPReceiver, type App, type Receiver } from '@slack/bolt';
import type { Readiness, ReadinessCheck } from '../../chat/types.ts';
import { checkSlackSignature } from './signature.ts';
import { sdkLogger, type SlackLog } from './log.ts';

export const EVENTS_PATH = '/slack/events';
/** Liveness: the process answers HTTP. A load balancer or orchestrator restarts it when this fails. */
export const HEALTH_PATH = '/healthz';
/** Readiness: the database answers and is migrated, and the instance is not shutting down. */
export const READY_PATH = '/readyz';
/** A readiness check slower than this counts as not ready: a hung database must not hang the probe. */
const READY_TIMEOUT_MS = 3000;
/** Bolt's own limit; Slack's payloads are far smaller. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface GatedHttpReceiverOptions {
  signingSecret: string;
  port: number;
  host: string;
  /** false in production: ack at once, work after. Tests may hold the response until done. */
  processBeforeResponse: boolean;
  log: SlackLog;
  now: () => number;
  readiness?: ReadinessCheck;
}

export class GatedHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: Server | undefined;
  private refusing = false;

  constructor(private readonly options: GatedHttpReceiverOptions) {
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      processBeforeResponse: options.processBeforeResponse,
      logger: sdkLogger(options.log),
      // Bolt answers an event nobody acked within 3 s with 404; every listener here acks first.
      // A signed payload Bolt cannot take apart (`"event": null`, `actions` without a team) throws
      // a TypeError before anything acks it, which Bolt answers with 500, and Slack retries a
      // request that can never succeed: it is a bad request (found by test/property). Any other
      // failure keeps Bolt's answer (a 500 that Slack retries, a 401 for authorization).
      processEventErrorHandler: async (args) => {
        if (args.error instanceof TypeError && !args.response.headersSent) {
          options.log('warn', 'slack_payload_malformed', {});
          args.response.writeHead(400);
          args.response.end();
          return true;
        }
        return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      },
    });
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  /** New requests get 503 from now on (Slack retries them elsewhere or later). */
  refuseNew(): void {
    this.refusing = true;
  }

  address(): { port: number } | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? { port: (address as AddressInfo).port } : undefined;
  }

  start(): Promise<Server> {
    const server = createServer((req, res) => {
      this.gate(req, res).catch((error: unknown) => {
        this.options.log('error', 'slack_http_gate_failed', { error: error instanceof Error ? error.name : 'unknown' });
        if (!res.headersSent) reply(res, 400);
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
  }

  private async ready(res: ServerResponse): Promise<void> {
    const check = this.refusing ? { ready: false, reason: 'shutting_down' as const } : await withTimeout(this.options.readiness?.() ?? Promise.resolve({ ready: true }), READY_TIMEOUT_MS);
    if (!check.ready) this.options.log('warn', 'slack_not_ready', { reason: check.reason ?? 'unknown' });
    replyJson(res, check.ready ? 200 : 503, check.ready ? { status: 'ready' } : { status: 'not_ready', reason: check.reason ?? 'unknown' });
  }

  private async gate(req: HttpRequest, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === HEALTH_PATH) return replyJson(res, 200, { status: 'alive' });
    if (req.method === 'GET' && path === READY_PATH) return this.ready(res);
    if (req.method !== 'POST' || path !== EVENTS_PATH) return reply(res, 404);
    if (this.refusing) return reply(res, 503);

    const rawBody = await readBody(req, BODY_LIMIT_BYTES);
    if (!rawBody) return reply(res, 413);

    // Slack's SSL check for slash commands is unsigned and asks for nothing but a 200.
    if (isSslCheck(req, rawBody)) return reply(res, 200);

    const check = checkSlackSignature(
      this.options.signingSecret,
      { signature: req.headers['x-slack-signature'], timestamp: req.headers['x-slack-request-timestamp'], rawBody },
      this.options.now(),
    );
    if (!check.ok) {
      this.options.log('warn', 'slack_signature_rejected', { reason: check.reason });
      return reply(res, 401);
    }
    // Bolt reads the body as an object without looking: a signed `null` (or `payload=null`) threw
    // inside its request handler where nothing catches it, and the unhandled rejection ended the
    // process (found by test/property). A body that is not an object is a bad request.
    if (!bodyIsAnObject(req, rawBody)) {
      this.options.log('warn', 'slack_payload_malformed', {});
      return reply(res, 400);
    }
    // Bolt reuses a body that was already read (it checks `rawBody`), and verifies it again.
    Object.assign(req, { rawBody });
    try {
      this.bolt.requestListener(req, res);
    } catch {
      reply(res, 404);
    }
  }
}

function replyJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function reply(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/** Whether the body, parsed as Bolt parses it (a form, its `payload` field, or JSON), is an object. */
function bodyIsAnObject(req: HttpRequest, rawBody: Buffer): boolean {
  const text = rawBody.toString('utf8');
  let parsed: unknown;
  try {
    if (req.headers['content-type'] === 'application/x-www-form-urlencoded') {
      const { payload } = parseQueryString(text);
      if (typeof payload !== 'string') return true;
      parsed = JSON.parse(payload);
    } else {
      parsed = JSON.parse(text);
    }
  } catch {
    return true; // not JSON: Bolt answers 400 itself
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
}

function isSslCheck(req: HttpRequest, rawBody: Buffer): boolean {
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  return new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1';
}

/**
 * The whole body, or undefined when it is larger than `limit`. An oversized body is still read
 * to its end (and dropped) so the connection can carry the 413.
 */
async function readBody(req: HttpRequest, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

/** The check's answer, or "database unreachable" if it takes longer than `ms` or fails. */
async function withTimeout(check: Promise<Readiness>, ms: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: 'database_unreachable' }), ms);
  });
  try {
    return await Promise.race([check.catch((): Readiness => ({ ready: false, reason: 'database_unreachable' })), late]);
  } finally {
    clearTimeout(timer);
  }
}
