// Spawns fixtures/digest-sender.ts as its own process. Node runs it directly with tsx's loader
// (not through the tsx CLI, which wraps the script in a second process): a SIGKILL must end the
// very process that holds the claims, as when a server dies.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../helpers/run.ts';

const SCRIPT = fileURLToPath(new URL('./fixtures/digest-sender.ts', import.meta.url));

export interface Sender {
  stdout(): string;
  stderr(): string;
  /** Recipient ids this process delivered, in order. */
  delivered(): string[];
  waitForStderr(pattern: RegExp, ms?: number): Promise<void>;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): void;
}

export function startSender(env: Record<string, string>): Sender {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: REPO_ROOT,
    // A fresh shell's environment plus the test's: never the developer's DATABASE_URL.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    delivered: () => stdout.split('\n').filter(Boolean),
    async waitForStderr(pattern, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(stderr)) {
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) throw new Error(`not seen on stderr: ${pattern}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    exited,
    kill: (signal) => child.kill(signal),
  };
}

/** Runs a sender to the end and returns it; fails on a non-zero exit. */
export async function runSender(env: Record<string, string>): Promise<Sender> {
  const sender = startSender(env);
  const status = await sender.exited;
  if (status !== 0) throw new Error(`digest-sender exited with ${status}\n${sender.stderr()}`);
  return sender;
}
