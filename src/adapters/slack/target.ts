// Where an answer goes, and where the buttons a user pressed live. Parsing decides these from the
// incoming payload; delivery then applies the audience rules to them.

export type ReplyTarget =
  /** A thread in a shared channel: others can read it, so restricted answers go to `userId` by DM. */
  | { kind: 'thread'; channel: string; threadTs: string; userId: string }
  /** A direct message with the bot (optionally inside one of its threads). */
  | { kind: 'dm'; channel: string; threadTs?: string }
  /**
   * Only the user sees it (slash commands, clicks on ephemeral messages): via response_url.
   * `userId` is who that is: files cannot be ephemeral, so an answer's files go to them by DM.
   */
  | { kind: 'ephemeral'; channel: string; responseUrl: string; userId: string }
  /** A DM not yet opened (a click in App Home). */
  | { kind: 'user'; userId: string };

export type ButtonHost =
  /** A message the bot posted; `blocks` are its current blocks, to repost without the buttons. */
  | { kind: 'message'; channel: string; ts: string; text: string; blocks?: unknown[] }
  /** An ephemeral message: Slack does not send its content, only a URL to replace it. */
  | { kind: 'ephemeral'; channel: string; responseUrl: string }
  /** App Home: republished on the next visit, nothing to take back. */
  | { kind: 'view' };
