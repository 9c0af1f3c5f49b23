import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchedPlayground {
  webUrl: string;
  backendUrl: string;
  sandboxUrl: string;
  /** Everything the playground printed (sandbox and merchant backend lines). */
  output(): string;
  /** Webhooks the merchant backend verified, newest first. */
  received(): Promise<Array<{ id: string; type: string; checkout_session_id: string | null }>>;
  stop(): Promise<void>;
}

/**
 * `npm run playground` as a user runs it (the same entry, playground/main.ts), on free ports and
 * a throwaway data dir; URLs are read from what it prints. stop() sends SIGTERM, like Ctrl-C.
 */
export async function launchPlayground(timeoutMs = 90_000): Promise<LaunchedPlayground> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lava-playground-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'playground/main.ts'], {
    env: { ...process.env, SANDBOX_PORT: '0', BACKEND_PORT: '0', PORT: '0', PLAYGROUND_DATA_DIR: dataDir, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 8000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!output.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the playground did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const find = (label: string) => {
    const match = new RegExp(`${label}\\s+(http://[^\\s]+)`).exec(output);
    if (!match?.[1]) throw new Error(`no ${label} URL in:\n${output}`);
    return match[1];
  };
  const backendUrl = find('Merchant backend');
  return {
    webUrl: find('Merchant page'),
    backendUrl,
    sandboxUrl: find('Sandbox'),
    output: () => output,
    received: async () => ((await (await fetch(`${backendUrl}/api/webhooks/received`)).json()) as { data: [] }).data,
    stop,
  };
}
