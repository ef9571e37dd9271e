// The statements behind a reply's facts, for the LLM engine to rephrase with citations: each
// record's own line(s) of the offline reply, and the reply's general lines for the student.
import type { Reply } from '../../chat/types.ts';
import type { Evidence, GroundedReply } from '../llm/types.ts';

export function groundReply(reply: Reply): GroundedReply {
  const facts = reply.facts ?? [];
  if (facts.length === 0 || reply.actions?.length) return reply;
  const lines = reply.text.split('\n').filter((l) => l.trim());
  const claimed = new Set<string>();
  const evidence: Evidence[] = [];
  for (const fact of facts) {
    if (fact.kind === 'student') continue;
    const own = lines.filter((l) => l.includes(fact.label));
    if (own.length === 0) continue;
    own.forEach((l) => claimed.add(l));
    evidence.push({ fact, text: own.join('\n') });
  }
  const student = facts.find((f) => f.kind === 'student');
  const general = lines.filter((l) => !claimed.has(l));
  if (student && general.length) evidence.unshift({ fact: student, text: general.join('\n') });
  return { ...reply, evidence };
}
