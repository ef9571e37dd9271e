// Network is off in every test: Slack, Discord and OpenAI are faked at their HTTP APIs with nock.
// Loopback stays open for servers a test starts itself (and PostgreSQL, which nock does not see).
// Every request to an OpenAI-style chat API, in any test, is searched for the sample school's
// names and numbers (SECURITY.md checklist 7).
import nock from 'nock';
import { afterAll } from 'vitest';
import { guardLlmPayloads, takeLlmPayloadFindings } from './helpers/llm-payload-guard.ts';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
guardLlmPayloads();

afterAll(() => {
  const { leaks } = takeLlmPayloadFindings();
  if (leaks.length) throw new Error(`SECURITY checklist 7: personal data in ${leaks.length} outbound LLM request(s):\n${leaks.slice(0, 10).join('\n')}`);
});
