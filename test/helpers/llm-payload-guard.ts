// SECURITY.md checklist 7 over the whole suite: every request any test sends to an OpenAI-style
// chat API (faked by nock) is searched for the sample school's names and student numbers. The
// guard wraps fetch, which the OpenAI SDK under LangChain calls (nock intercepts underneath), so
// a leak anywhere, in any test file, fails that file.
import { fixtureTermsIn } from './fixture-terms.ts';

const leaks: string[] = [];
let requests = 0;

async function bodyOf(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<string> {
  if (typeof init?.body === 'string') return init.body;
  if (init?.body instanceof Uint8Array) return new TextDecoder().decode(init.body);
  if (input instanceof Request) return input.clone().text();
  return '';
}

export function guardLlmPayloads(): void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/chat\/completions(\?|$)/.test(url)) {
      requests += 1;
      leaks.push(...fixtureTermsIn([await bodyOf(input, init)]).map((leak) => `${url}: ${leak}`));
    }
    return original(input, init);
  };
}

/** What leaked since the last call, and how many chat requests were seen. */
export function takeLlmPayloadFindings(): { leaks: string[]; requests: number } {
  const found = { leaks: leaks.splice(0), requests };
  requests = 0;
  return found;
}
