// The Sender over Slack's Web API and response_url. Every message goes through the per-channel
// queue, with link and media previews off: a stored note's URL must not fetch or show anything.
import { webApi } from '@slack/bolt';
import type { Attachment } from '../../chat/types.ts';
import type { Sender } from './deliver.ts';
import { errorFields, type SlackLog } from './log.ts';
import type { SendQueue } from './send-queue.ts';

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;
/** Slack's limit on a file's alt text. */
const ALT_TEXT_LIMIT = 1000;

/** Our files in the form files.uploadV2 takes (it accepts Buffers, not plain Uint8Arrays). */
function fileUploads(files: readonly Attachment[]) {
  // Alt text is for images; Slack describes other files by their title.
  return files.map((file) => ({ file: Buffer.from(file.data), filename: file.filename, title: file.filename, ...(file.contentType.startsWith('image/') ? { alt_text: file.altText.slice(0, ALT_TEXT_LIMIT) } : {}) }));
}

/** A response_url post Slack refused; 429 carries its Retry-After. */
export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
  constructor(
    readonly status: number,
    readonly retryAfter?: number,
  ) {
    super(`response_url answered ${status}`);
  }
}

/** Seconds Slack asked us to wait, when `error` is a rate-limit refusal. */
export function rateLimitRetryAfter(error: unknown): number | undefined {
  const coded = error as { code?: unknown; retryAfter?: unknown } | undefined;
  if (coded?.code === webApi.ErrorCode.RateLimitedError && typeof coded.retryAfter === 'number') return coded.retryAfter;
  if (error instanceof ResponseUrlError && error.status === 429) return error.retryAfter ?? 1;
  return undefined;
}

export function createSlackSender(client: webApi.WebClient, queue: SendQueue, log: SlackLog, fetchFn: typeof fetch = fetch): Sender {
  return {
    async post(channel, message, threadTs) {
      await queue.send(channel, () =>
        client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}), ...NO_UNFURL }),
      );
    },
    async update(channel, ts, message) {
      // chat.update's typings omit the unfurl flags; Slack accepts them, and they keep an edited
      // message as preview-free as a new one.
      await queue.send(channel, () => client.chat.update({ channel, ts, text: message.text, blocks: message.blocks, ...NO_UNFURL }));
    },
    async respond(channel, responseUrl, message, replaceOriginal) {
      await queue.send(channel, async () => {
        const response = await fetchFn(responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: replaceOriginal, text: message.text, blocks: message.blocks, ...NO_UNFURL }),
        });
        // Drained either way, so the connection is released; Slack's body is just "ok" or an error word.
        await response.text().catch(() => '');
        if (!response.ok) {
          const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
          throw new ResponseUrlError(response.status, Number.isNaN(retryAfter) ? undefined : retryAfter);
        }
      });
    },
    async upload(channel, files, options = {}) {
      // files.uploadV2: get an upload URL per file, send the bytes there, then one
      // files.completeUploadExternal shares them all in the channel (and thread) as one message.
      // Retried as a whole by the queue on a rate limit: an unshared upload is simply abandoned.
      try {
        await queue.send(channel, () =>
          client.filesUploadV2({
            channel_id: channel,
            ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
            ...(options.comment ? { initial_comment: options.comment } : {}),
            file_uploads: fileUploads(files),
          }),
        );
      } catch (error) {
        // Best effort: the message itself has gone out, and failing the delivery now would send
        // it again on a retry. The likely cause is a workspace installed before files:write was
        // asked for (slackError: missing_scope), which the log line says.
        log('warn', 'slack_files_not_sent', { channel, files: files.length, ...errorFields(error) });
      }
    },
    async openDm(userId) {
      const opened = await client.conversations.open({ users: userId });
      const id = opened.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
  };
}
