import { Hono } from 'hono';
import type {
  CreateWalletRequest,
  SendCodeResponse,
  StartResponse,
  VerifyCodeResponse,
  WalletResponse,
} from '../../contract/flow-api';
import type { SandboxContext } from '../context';
import { iso } from '../http/iso';
import { bundleById, planById } from '../domain/catalog';
import { merchantById } from '../domain/merchants';
import { assertOpen, sessionBySecret } from '../domain/sessions';
import { alreadySubscribed } from '../domain/subscriptions';
import {
  connectionById,
  createWallet,
  linkWallet,
  liveConnection,
  walletById,
  walletByPhone,
} from '../domain/wallets';
import { field, readJsonObject } from '../http/body';
import { ApiError, invalid } from '../http/errors';
import { SECRET_SHAPE } from '../ids';
import { sendCode, verifyCode, type OtpDeps } from '../otp/otp';
import { maskPhone, validatePhone } from '../otp/phone';
import { requireFlowToken, requireVerified } from './auth';
import { issueFlowToken, liveCredential, revokeCredential, setCredentialConnection } from './credentials';
import type { FlowEnv } from './env';
import { amountRules, bundleSummary, planSummary, progressOf } from './summary';
import { proofCookie, resumeWithProof } from './resume';
import { validateWalletDetails } from './wallet-details';
import { isTestModeKey } from '../test-mode';

export function identityRoutes(ctx: SandboxContext, otp: OtpDeps): Hono<FlowEnv> {
  const app = new Hono<FlowEnv>();

  app.post('/start', async (c) => {
    const body = await readJsonObject(c);
    const secret = field.string(body, 'secret', { max: 200 });
    const parentOrigin = body.parent_origin;
    if (parentOrigin !== null && typeof parentOrigin !== 'string') {
      throw invalid("'parent_origin' must be the parent page's origin, or null on the legacy path.");
    }
    const proof = field.optionalString(body, 'flow_token', { max: 200 });
    const session = SECRET_SHAPE.test(secret) ? sessionBySecret(ctx.db, secret) : undefined;
    if (!session) throw new ApiError('session_not_found', 'This checkout session does not exist.');
    // The origin is checked before anything else is revealed about the session.
    if (parentOrigin !== null && parentOrigin !== session.origin) {
      throw new ApiError('origin_mismatch', 'This checkout session was created for another website.');
    }
    const now = ctx.now();
    assertOpen(session, now);
    const merchant = merchantById(ctx.db, session.merchant_id);
    // A reopened checkout resumes past the phone step only in the browser that verified: it proves
    // the flow token it kept (rotated here). Anyone else starts at the phone step. Never on the legacy path.
    let resumed: string | null = null;
    if (parentOrigin !== null) {
      const cookie = proof === undefined ? proofCookie.read(c, session.id) : undefined;
      resumed = resumeWithProof(ctx.db, session.id, proof ?? cookie, now);
      if (resumed) proofCookie.keep(c, session, resumed, now);
      else if (cookie !== undefined) proofCookie.drop(c, session.id);
    }
    const token = resumed ?? issueFlowToken(ctx.db, session.id, now);
    const plan = session.subscription_config_id ? planById(ctx.db, merchant.id, session.subscription_config_id) : undefined;
    const bundle = session.credit_bundle_id ? bundleById(ctx.db, merchant.id, session.credit_bundle_id) : undefined;
    const conn = session.connection_id ? connectionById(ctx.db, merchant.id, session.connection_id) : undefined;
    const answer: StartResponse = {
      checkout_session_id: session.id,
      flow_token: token,
      mode: session.mode,
      merchant: { name: merchant.name },
      origin: session.origin,
      expires_at: iso(session.expires_at),
      ...(plan ? { plan: planSummary(plan) } : {}),
      ...(bundle ? { credit_bundle: bundleSummary(bundle) } : {}),
      ...(conn
        ? { connection: { connection_id: conn.id, phone_masked: maskPhone(walletById(ctx.db, conn.wallet_id).phone) } }
        : {}),
      amounts: amountRules(merchant),
      processor: ctx.processorConfig(),
      progress: resumed ? progressOf(ctx.db, session, liveCredential(ctx.db, token)!, now) : { step: 'phone', verified: false },
    };
    return c.json(answer);
  });

  app.post('/phone/send', requireFlowToken(ctx), async (c) => {
    const body = await readJsonObject(c);
    const phone = validatePhone(body.phone);
    const session = c.get('session');
    // On an existing account's checkout, another number is answered and rate-limited exactly like
    // the account's own, but gets no code and never verifies: the answer says nothing about whose it is.
    const conn = session.connection_id ? connectionById(ctx.db, session.merchant_id, session.connection_id) : undefined;
    const deliver = !session.connection_id || (conn !== undefined && walletById(ctx.db, conn.wallet_id).phone === phone);
    const testMode = isTestModeKey(merchantById(ctx.db, session.merchant_id).secret_key);
    const sent = sendCode(otp, { sessionId: session.id, tokenHash: c.get('credential').token_hash, phone, testMode, deliver });
    const answer: SendCodeResponse = { phone_masked: maskPhone(phone), ...sent };
    return c.json(answer);
  });

  app.post('/phone/verify', requireFlowToken(ctx), async (c) => {
    const body = await readJsonObject(c);
    const credential = c.get('credential');
    const session = c.get('session');
    const phone = verifyCode(otp, credential.token_hash, body.code);
    const now = ctx.now();
    const wallet = walletByPhone(ctx.db, phone);
    const linked = wallet ? liveConnection(ctx.db, session.merchant_id, wallet.id) : undefined;
    const token = ctx.db.transaction(() => {
      revokeCredential(ctx.db, credential.token_hash, now);
      return issueFlowToken(ctx.db, session.id, now, { phone, connectionId: linked?.id ?? null });
    })();
    proofCookie.keep(c, session, token, now);
    const answer: VerifyCodeResponse = {
      flow_token: token,
      wallet: wallet
        ? {
            exists: true,
            already_linked: linked !== undefined,
            preview: {
              first_name_initial: wallet.first_name.slice(0, 1),
              last_name_initial: wallet.last_name.slice(0, 1),
              email_masked: maskEmail(wallet.email),
              phone_masked: maskPhone(phone),
            },
          }
        : { exists: false },
    };
    return c.json(answer);
  });

  app.post('/wallet', requireFlowToken(ctx), requireVerified, async (c) => {
    const body = await readJsonObject(c);
    const session = c.get('session');
    const credential = c.get('credential');
    if (session.connection_id) throw new ApiError('forbidden', 'This checkout is for an existing account.');
    const details: CreateWalletRequest = validateWalletDetails(body);
    const phone = credential.verified_phone!;
    const now = ctx.now();
    const connectionId = ctx.db.transaction(() => {
      if (walletByPhone(ctx.db, phone)) throw new ApiError('conflict', 'A wallet already exists for this number: link it instead.');
      const wallet = createWallet(ctx.db, { phone, ...details }, now);
      const { connection } = linkWallet(ctx.db, session.merchant_id, wallet.id, session.reference_id, now);
      setCredentialConnection(ctx.db, credential.token_hash, connection.id);
      return connection.id;
    })();
    const answer: WalletResponse = { connection_id: connectionId, created: true };
    return c.json(answer);
  });

  app.post('/wallet/link', requireFlowToken(ctx), requireVerified, async (c) => {
    await readJsonObject(c);
    const session = c.get('session');
    const credential = c.get('credential');
    const wallet = walletByPhone(ctx.db, credential.verified_phone!);
    if (!wallet) throw new ApiError('not_found', 'No wallet exists for this number yet: create one.');
    const { connection, created } = linkWallet(ctx.db, session.merchant_id, wallet.id, session.reference_id, ctx.now());
    setCredentialConnection(ctx.db, credential.token_hash, connection.id);
    // Subscription mode, wallet already on the plan: the app completes without a charge.
    const answer: WalletResponse = { connection_id: connection.id, created };
    if (alreadySubscribed(ctx.db, session, connection.id)) answer.already_subscribed = true;
    return c.json(answer);
  });

  app.get('/state', requireFlowToken(ctx, { allowClosed: true }), (c) =>
    c.json(progressOf(ctx.db, c.get('session'), c.get('credential'), ctx.now())),
  );

  return app;
}

/** "j•••@example.com" */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
