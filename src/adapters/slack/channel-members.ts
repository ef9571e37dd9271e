// Who is in a channel, for the digest that may be posted there only if every member may read it
// (DIGEST_SLACK_CHANNEL). conversations.members pages its answer; all pages are read, because a
// member missed would be a reader nobody checked.
import type { webApi } from '@slack/bolt';

/** The page size Slack recommends for cursor-paged methods. */
const PAGE_SIZE = 200;
/** A guard against a cursor that never ends: far more members than any school's workspace has. */
const MAX_PAGES = 100;

export async function listChannelMembers(client: webApi.WebClient, channel: string): Promise<string[]> {
  const members: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.conversations.members({ channel, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    members.push(...(answer.members ?? []));
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor) return members;
  }
  // Failing is safer than answering with a partial list the caller would trust as complete.
  throw new Error('conversations.members did not finish paging');
}
