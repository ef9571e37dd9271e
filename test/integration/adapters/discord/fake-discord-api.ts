// Discord's REST API, faked with nock at https://discord.com/api/v10: every request is recorded
// (method, decoded path, JSON body, authorization) and answered with the smallest valid reply.
// The client under test must be built with `rest: { makeRequest: fetch }`: discord.js's default
// undici transport is invisible to nock (and even escapes disableNetConnect).
import type { RESTOptions } from 'discord.js';
import nock from 'nock';

/**
 * Global fetch as discord.js's REST transport. It works at run time (the REST docs suggest it),
 * but the types differ: discord.js types `init` with undici's RequestInit, whose `body` is not the
 * DOM's. Hence the one cast.
 */
export const fetchTransport = fetch as unknown as RESTOptions['makeRequest'];

export interface RecordedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Without the /api/v10 prefix and query; `@original` and `@me` decoded. */
  path: string;
  query: string;
  /** The JSON body; for a message with files, its `payload_json` part. */
  body: any;
  /** The file parts of a multipart (message with files) request. */
  files?: UploadedFile[];
  authorization: string | undefined;
}

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

/**
 * A multipart/form-data body split into its parts: discord.js sends a message with files as
 * `payload_json` (the usual JSON body) plus one part per file.
 */
function parseMultipart(raw: Buffer, boundary: string): { json: unknown; files: UploadedFile[] } {
  const delimiter = Buffer.from(`--${boundary}`);
  const files: UploadedFile[] = [];
  let json: unknown;
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    // Each part: CRLF, headers, blank line, content, CRLF before the next delimiter.
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (field === 'payload_json') json = JSON.parse(content.toString('utf8'));
    else if (filename !== undefined) files.push({ field, filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1], data: Buffer.from(content) });
    start = next;
  }
  return { json, files };
}

/** nock hands over a body that is not valid UTF-8 (file bytes) hex-encoded; this undoes that. */
function bodyBytes(raw: string): Buffer {
  return /^[0-9a-f]*$/.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'utf8');
}

export const DM_CHANNEL_FOR_SEND_DIRECT = '900000000000000077';

/** A message the bot sent, as Discord returns it (and attaches it to a later click). */
export function rawBotMessage(id: string, channelId: string, fields: { content?: string; flags?: number; components?: unknown[] }) {
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: fields.content ?? '',
    author: { id: '800000000000000001', username: 'yorisoi', discriminator: '0', bot: true },
    timestamp: '2026-11-20T08:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: fields.flags ?? 0,
    components: fields.components ?? [],
  };
}

function message(channelId: string, body: any, id: string) {
  return rawBotMessage(id, channelId, { content: body?.content, flags: body?.flags, components: body?.components });
}

function respond(method: RecordedRequest['method'], path: string, body: any, id: string): [number, unknown] {
  if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return [204, ''];
  if (method === 'PATCH' && /^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/.test(path)) return [200, message('0', body, id)];
  if (method === 'POST' && /^\/webhooks\/[^/]+\/[^/]+$/.test(path)) return [200, message('0', body, id)];
  if (method === 'POST' && path === '/users/@me/channels') {
    return [200, { id: DM_CHANNEL_FOR_SEND_DIRECT, type: 1, last_message_id: null, recipients: [{ id: body.recipient_id, username: 'someone', discriminator: '0' }] }];
  }
  const channel = /^\/channels\/([^/]+)\/messages$/.exec(path);
  if (method === 'POST' && channel) return [200, message(channel[1]!, body, id)];
  if (method === 'PUT' && /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(path)) {
    const [, applicationId] = path.split('/');
    return [200, (body as any[]).map((command, i) => ({ ...command, id: `60000000000000000${i}`, application_id: applicationId, version: '1' }))];
  }
  return [404, { message: 'Unknown route in the fake', code: 0 }];
}

/** Starts faking; call `stop()` in afterEach. */
export function fakeDiscordApi() {
  const requests: RecordedRequest[] = [];
  let sequence = 0;
  const scope = nock('https://discord.com').persist();
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    scope
      .intercept(/^\/api\/v10\//, method)
      .query(true)
      .reply(function (uri, rawBody) {
        const [fullPath, query = ''] = uri.split('?') as [string, string?];
        const path = decodeURIComponent(fullPath.replace(/^\/api\/v10/, ''));
        const contentType = String(this.req.headers['content-type'] ?? '');
        const boundary = /multipart\/form-data;.*boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
        const multipart = boundary && typeof rawBody === 'string' ? parseMultipart(bodyBytes(rawBody), boundary) : undefined;
        const body = multipart ? multipart.json : typeof rawBody === 'string' && rawBody ? JSON.parse(rawBody) : rawBody || undefined;
        const authorization = this.req.headers.authorization;
        requests.push({ method, path, query, body, ...(multipart ? { files: multipart.files } : {}), authorization: Array.isArray(authorization) ? authorization[0] : authorization });
        return respond(method, path, body, `50000000000000${String(++sequence).padStart(4, '0')}`);
      });
  }
  return {
    requests,
    /** Requests whose method and path match. */
    find: (method: RecordedRequest['method'], path: string | RegExp) => requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))),
    stop: () => nock.cleanAll(),
  };
}
