// Runs the real entry points (src/main.ts, scripts/cli.ts) as a user would, in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Only what a fresh shell would have, plus the test's variables: the developer's own
// DATABASE_URL or Slack tokens must never leak into a test run.
const cleanEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env });

export function runTs(script: string, args: string[], options: { env: Record<string, string>; input?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { cwd: REPO_ROOT, env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface RunningProcess {
  stdout(): string;
  stderr(): string;
  /** Resolves once `pattern` has appeared on stderr (the app logs there), or rejects after `ms`. */
  waitForStderr(pattern: RegExp, ms?: number): Promise<void>;
  /** Sends the signal and resolves with the exit status. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts a long-running entry point (the bot on Slack) in a child process: node with tsx's loader,
 * not the tsx CLI, which runs the script in a second process a SIGKILL would leave behind.
 */
export function startTs(script: string, args: string[], options: { env: Record<string, string> }): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    async waitForStderr(pattern, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(stderr)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`not seen on stderr: ${pattern}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A loopback port free right now, for a server a test starts (the bot in HTTP mode). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
