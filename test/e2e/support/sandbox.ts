import { type Sandbox, type SandboxOptions, startSandbox, TEST_CODE } from '../../../src/sandbox/index';
import { type CreatedSession, type CreateSessionInput, createSession, sandboxRest } from './sandbox-rest';

export type { CreatedSession, CreateSessionInput };
export { TEST_CODE };

/** A test number: +12015550100 … +12015550199 always receive the code 000000. */
export function testPhone(n = 0): string {
  return `+120155501${String(n % 100).padStart(2, '0')}`;
}

export interface InboxMessage {
  phone: string;
  code: string;
  sent_at: string;
}

export interface SandboxCharge {
  charge_id: string;
  intent_id: string;
  checkout_session_id: string;
  amount: string;
  status: string;
  created_at: string;
}

export interface TestSandbox {
  /** `http://127.0.0.1:<port>`: the checkout origin. */
  url: string;
  /** `url` + `/` (the token's base). */
  base: string;
  restUrl: string;
  secretKey: string;
  sandbox: Sandbox;
  /** POST /v1/checkout_sessions with the seeded key. */
  createSession(input: CreateSessionInput): Promise<CreatedSession>;
  /** Any REST call with the seeded key; throws on non-2xx. */
  rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Newest first. */
  inbox(phone?: string): Promise<InboxMessage[]>;
  /** The newest code sent to `phone`; throws if none. */
  latestCode(phone: string): Promise<string>;
  /** Charges the sandbox processor made (newest first). */
  charges(): Promise<SandboxCharge[]>;
  close(): Promise<void>;
}

/**
 * An in-memory sandbox on 127.0.0.1 with an ephemeral port, serving the built checkout app
 * (dist/checkout-app unless `staticDir` is given). Close it in afterAll/afterEach.
 */
export async function startTestSandbox(options: Omit<SandboxOptions, 'port' | 'host' | 'memory'> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ ...options, port: 0, host: '127.0.0.1', memory: true });

  const rest = sandboxRest(sandbox.restUrl, sandbox.secretKey);

  async function getJson<T>(path: string): Promise<T> {
    const res = await fetch(`${sandbox.url}${path}`);
    if (!res.ok) throw new Error(`sandbox GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  }

  return {
    url: sandbox.url,
    base: sandbox.base,
    restUrl: sandbox.restUrl,
    secretKey: sandbox.secretKey,
    sandbox,
    rest,
    createSession: (input) => createSession(rest, input),
    inbox: (phone) => getJson<InboxMessage[]>(`/sandbox/inbox${phone ? `?phone=${encodeURIComponent(phone)}` : ''}`),
    async latestCode(phone) {
      const [latest] = await getJson<InboxMessage[]>(`/sandbox/inbox?phone=${encodeURIComponent(phone)}`);
      if (!latest) throw new Error(`no code was sent to ${phone}`);
      return latest.code;
    },
    charges: () => getJson<SandboxCharge[]>('/sandbox/charges'),
    close: () => sandbox.close(),
  };
}
