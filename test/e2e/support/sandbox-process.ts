import { type ChildProcess, spawn } from 'node:child_process';
import { type CreatedSession, type CreateSessionInput, createSession, type SandboxRest, sandboxRest } from './sandbox-rest';

/**
 * The in-memory test sandbox in its own Node process (tsx runs the sandbox's TypeScript and JSON
 * seed as the CLI does), driven over HTTP like a merchant backend would.
 */
export interface SandboxProcess {
  url: string;
  base: string;
  createSession(input: CreateSessionInput): Promise<CreatedSession>;
  rest: SandboxRest;
  charges(): Promise<Array<{ charge_id: string; checkout_session_id: string; amount: string; status: string }>>;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  close(): Promise<void>;
}

export async function startSandboxProcess(timeoutMs = 30_000): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/support/sandbox-process-main.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  async function close(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  const deadline = Date.now() + timeoutMs;
  let info: { url: string; base: string; restUrl: string; secretKey: string } | null = null;
  while (!info) {
    const line = output.split('\n').find((l) => l.startsWith('{'));
    if (line) info = JSON.parse(line);
    else if (child.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`the sandbox did not start:\n${output}`);
    } else await new Promise((done) => setTimeout(done, 50));
  }
  const { url, base, restUrl, secretKey } = info;
  const rest = sandboxRest(restUrl, secretKey);

  return {
    url,
    base,
    rest,
    createSession: (input) => createSession(rest, input),
    async charges() {
      const res = await fetch(`${url}/sandbox/charges`);
      if (!res.ok) throw new Error(`sandbox charges: ${res.status}`);
      return res.json();
    },
    close,
  };
}
