// The note a draft's Edit form opens with. A custom_id holds 100 characters, far too few for a
// note, so the text waits here between showing the draft and the click on Edit. Memory only and
// bounded: after a restart (or once evicted) the form simply opens empty, and nothing else breaks.
import type { Reply } from '../../chat/types.ts';

export interface DraftText {
  text: string;
  language: Reply['language'];
}

export interface DraftTexts {
  remember(conversationKey: string, draft: DraftText): void;
  recall(conversationKey: string): DraftText | undefined;
  forget(conversationKey: string): void;
}

/** One draft per conversation (the engine keeps one too); the oldest go first past `capacity`. */
export function createDraftTexts(capacity = 500): DraftTexts {
  const drafts = new Map<string, DraftText>();
  return {
    remember(key, draft) {
      drafts.delete(key); // re-inserting moves the key to the newest end of the Map's order
      drafts.set(key, draft);
      while (drafts.size > capacity) drafts.delete(drafts.keys().next().value!);
    },
    recall: (key) => drafts.get(key),
    forget: (key) => void drafts.delete(key),
  };
}
