// One turn on Slack: show that we are working, ask the engine, deliver the answer by audience.
import { encodeConversationRef } from '../../chat/conversation-ref.ts';
import type { ChatHandler } from '../../chat/types.ts';
import type { webApi } from '@slack/bolt';
import { deliverReply } from './deliver.ts';
import { errorFields, type SlackLog } from './log.ts';
import type { ParsedTurn } from './parse.ts';
import type { Sender } from './deliver.ts';

export const WORKING_REACTION = 'hourglass_flowing_sand';

export interface TurnDeps {
  handler: ChatHandler;
  log: SlackLog;
}

/**
 * The hourglass is a courtesy: a missing `reactions:write` scope or a deleted message must not
 * cost the user their answer, so its failures are only logged.
 */
async function react(client: webApi.WebClient, log: SlackLog, how: 'add' | 'remove', where: { channel: string; ts: string }): Promise<void> {
  try {
    const args = { channel: where.channel, timestamp: where.ts, name: WORKING_REACTION };
    if (how === 'add') await client.reactions.add(args);
    else await client.reactions.remove(args);
  } catch (error) {
    log('warn', `slack_reaction_${how}_failed`, errorFields(error));
  }
}

export async function runTurn(deps: TurnDeps, client: webApi.WebClient, sender: Sender, turn: ParsedTurn): Promise<void> {
  const started = Date.now();
  if (turn.reactTo) await react(client, deps.log, 'add', turn.reactTo);
  try {
    const reply = await deps.handler.handleTurn(turn.message);
    await deliverReply(sender, reply, turn.target, encodeConversationRef(turn.message.conversation));
    deps.log('info', 'slack_turn_answered', {
      target: turn.target.kind,
      sensitivity: reply.sensitivity,
      action: turn.message.action?.kind ?? 'none',
      ms: Date.now() - started,
    });
  } finally {
    if (turn.reactTo) await react(client, deps.log, 'remove', turn.reactTo);
  }
}
