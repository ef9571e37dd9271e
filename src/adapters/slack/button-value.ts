// What a button and the edit form carry back to us. Slack keeps button values and a modal's
// private_metadata on its side and returns them in signed payloads, so they are the place for the
// conversation a click belongs to: no server-side state, and any instance can answer the click.
import type { ButtonHost, ReplyTarget } from './target.ts';

/** Slack's limits: a button value up to 2000 characters, private_metadata up to 3000. */
export const MAX_BUTTON_VALUE = 2000;
export const MAX_PRIVATE_METADATA = 3000;

export interface ButtonValue {
  /** The conversation key (encodeConversationRef) the reply with this button belonged to. */
  c: string;
  /** choose_student: the student. */
  s?: string;
  /** undo: the record. */
  r?: string;
  /** draft edit: the note to prefill the form with. */
  t?: string;
  /** The reply's language, for the edit form's labels. */
  g?: 'ja' | 'en';
}

export interface EditFormMetadata {
  c: string;
  /** The Edit button's label: the turn's text, as for any click. */
  l: string;
  g: 'ja' | 'en';
  /** Where the answer to the edit goes: where the Edit button was. */
  to: ReplyTarget;
  /** The message whose buttons are taken back once the edit is sent. */
  host: ButtonHost;
}

export function encodeButtonValue(value: ButtonValue): string {
  const json = JSON.stringify(value);
  if (json.length <= MAX_BUTTON_VALUE || value.t === undefined) return json;
  // Too long to prefill: the form opens empty rather than with a cut-off note.
  const { t: _dropped, ...rest } = value;
  return JSON.stringify(rest);
}

export function decodeButtonValue(raw: unknown): ButtonValue | undefined {
  const value = parseObject(raw);
  if (!value || typeof value.c !== 'string') return undefined;
  const result: ButtonValue = { c: value.c };
  if (typeof value.s === 'string') result.s = value.s;
  if (typeof value.r === 'string') result.r = value.r;
  if (typeof value.t === 'string') result.t = value.t;
  if (value.g === 'ja' || value.g === 'en') result.g = value.g;
  return result;
}

export function encodeEditFormMetadata(metadata: EditFormMetadata): string {
  let json = JSON.stringify(metadata);
  if (json.length <= MAX_PRIVATE_METADATA || metadata.host.kind !== 'message') return json;
  // A long draft's blocks do not fit: keep where it is, so it can at least be marked as replaced.
  const { blocks: _dropped, ...host } = metadata.host;
  json = JSON.stringify({ ...metadata, host });
  return json.length <= MAX_PRIVATE_METADATA ? json : JSON.stringify({ ...metadata, host: { kind: 'view' } });
}

export function decodeEditFormMetadata(raw: unknown): EditFormMetadata | undefined {
  const value = parseObject(raw);
  if (!value || typeof value.c !== 'string' || typeof value.l !== 'string') return undefined;
  if (value.g !== 'ja' && value.g !== 'en') return undefined;
  const to = value.to as ReplyTarget | undefined;
  const host = value.host as ButtonHost | undefined;
  if (!to || typeof to !== 'object' || !['thread', 'dm', 'ephemeral', 'user'].includes(to.kind)) return undefined;
  if (!host || typeof host !== 'object' || !['message', 'ephemeral', 'view'].includes(host.kind)) return undefined;
  return { c: value.c, l: value.l, g: value.g, to, host };
}

function parseObject(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
