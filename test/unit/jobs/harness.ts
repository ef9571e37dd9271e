// A DigestJobDeps over the in-memory claims, recording deliveries and log lines.
import type { DigestJobDeps } from '../../../src/jobs/weekly-digest-job.ts';
import { createFakeClaims } from './fake-claims.ts';

export interface LogLine {
  level: string;
  code: string;
  fields?: Record<string, string | number | boolean>;
}

export function jobHarness(recipients: string[], options: { instanceId?: string; claims?: ReturnType<typeof createFakeClaims>; now?: () => Date } = {}) {
  const claims = options.claims ?? createFakeClaims(options.now);
  const delivered: string[] = [];
  const logs: LogLine[] = [];
  const outcomes = new Map<string, () => Promise<'sent' | 'skipped'>>();
  const deps: DigestJobDeps = {
    claims,
    recipients: async () => [...recipients],
    async deliver(recipientId, weekOf) {
      const outcome = outcomes.get(recipientId);
      const result = outcome ? await outcome() : 'sent';
      delivered.push(`${recipientId}@${weekOf}`);
      return result;
    },
    instanceId: options.instanceId ?? 'instance-a',
    log: (level, code, fields) => logs.push({ level, code, fields }),
  };
  return { deps, claims, delivered, logs, outcomes };
}
