import type {
  CheckoutEvent,
  CompleteResponse,
  ConfirmPaymentResponse,
  CreateWalletRequest,
  ErrorCode,
  PaymentIntentResponse,
  SendCodeResponse,
  StartResponse,
  VerifyCodeResponse,
  WalletResponse,
} from '../../contract';

/** What the customer is looking at. Several screens can share one reported Step. */
export type Screen =
  | 'loading'
  | 'phone'
  | 'code'
  | 'wallet_create'
  | 'wallet_link'
  | 'amount'
  | 'plan'
  | 'bundle'
  | 'already_subscribed'
  | 'payment'
  | 'challenge'
  | 'done'
  | 'failure';

export interface FlowError {
  code: ErrorCode;
  /** A server-provided reason worth showing as is (card declines); otherwise the catalog speaks. */
  message?: string;
  retryAfter?: number;
}

/** The session as start described it, without the credential. */
export type Session = Omit<StartResponse, 'flow_token'>;

/** How the customer pays; the runner adds intent id and idempotency key. */
export type PaymentInput =
  | { kind: 'card'; card: { number: string; exp_month: number; exp_year: number; cvc: string }; saveCard: boolean }
  | { kind: 'saved'; paymentMethodId: string }
  | { kind: 'stripe'; paymentIntentId: string; saveCard: boolean };

export type Command =
  | { kind: 'start' }
  | { kind: 'send_code'; phone: string }
  | { kind: 'verify_code'; code: string }
  | { kind: 'create_wallet'; details: CreateWalletRequest }
  | { kind: 'link_wallet' }
  | { kind: 'create_intent'; amount?: string }
  | { kind: 'confirm_payment'; intentId: string; input: PaymentInput }
  | { kind: 'answer_challenge'; intentId: string; challengeId: string; approve: boolean }
  | { kind: 'complete' };

export type IssuedCommand = Command & { id: number };

export type Outcome =
  | { kind: 'success'; connectionId: string; checkoutSessionId: string }
  | { kind: 'cancel'; checkoutSessionId?: string }
  | { kind: 'error'; code: ErrorCode; checkoutSessionId?: string };

/** What the flow holds on every step. */
export interface Common {
  /** The host confirms closes: a customer's close only reports `close_attempt` and waits. */
  askBeforeClose: boolean;
  /** The request in flight; its answer carries its id, so a stale one is dropped. */
  command: IssuedCommand | null;
  nextCommandId: number;
  /** Shown on the current screen. */
  error: FlowError | null;
  /** Host events produced by the last transition. */
  emits: CheckoutEvent[];
  outcome: Outcome | null;
}

/** Start has not answered: no session, no credential. */
interface Unstarted {
  session: null;
  flowToken: null;
}

interface Started {
  session: Session;
  flowToken: string;
}

/** The connection the purchase is for (the account's own in top-up and credit-bundle checkouts). */
interface Buying extends Started {
  connectionId: string | null;
}

/** The charge being made: its intent, and the amount chosen for it (null when the server priced it). */
interface Charging extends Buying {
  intent: PaymentIntentResponse;
  amount: string | null;
}

type On<S extends Screen, Data> = Common & { screen: S } & Data;

export type LoadingState = On<'loading', Unstarted>;

/**
 * The phone step drawn before start answered (a preloaded or freshly loaded frame): the host hears
 * `loading` until start says where this session really is.
 */
export type EarlyPhoneState = On<
  'phone',
  Unstarted & {
    /** A number submitted meanwhile, sent once start has answered. */
    pendingPhone: string | null;
    /** Closed meanwhile: end once start answers, so the cancel names the session. */
    closeAfterStart: boolean;
  }
>;

export type PhoneState = On<'phone', Started>;

export type CodeState = On<
  'code',
  Started & {
    /** E.164, kept in memory only so "resend" can work; null after a resume. */
    phone: string | null;
    phoneMasked: string;
    resendAfter: number;
    /** Bumps on every code sent, so a view can restart its cooldown clock. */
    codeSends: number;
  }
>;

export type WalletCreateState = On<'wallet_create', Started>;
export type WalletLinkState = On<'wallet_link', Started & { wallet: VerifyCodeResponse['wallet'] | null }>;
export type AmountState = On<'amount', Buying & { amount: string | null }>;
export type PlanState = On<'plan', Buying>;
export type BundleState = On<'bundle', Buying>;
export type AlreadySubscribedState = On<'already_subscribed', Buying>;

export type PaymentState = On<
  'payment',
  Charging & {
    /** Pay was pressed and the charge is being confirmed (by the processor in the page, then the server): the host is locked. */
    paying: boolean;
  }
>;

/** Authentication asked for during the charge; the host stays locked. */
export type ChallengeState = On<'challenge', Charging & { challengeId: string }>;
export type DoneState = On<'done', Started & { result: CompleteResponse }>;
export type FailureState = On<'failure', { session: Session | null; flowToken: string | null; failure: FlowError }>;

/** Where the checkout stands: one step, holding only what that step needs. */
export type FlowState =
  | LoadingState
  | EarlyPhoneState
  | PhoneState
  | CodeState
  | WalletCreateState
  | WalletLinkState
  | AmountState
  | PlanState
  | BundleState
  | AlreadySubscribedState
  | PaymentState
  | ChallengeState
  | DoneState
  | FailureState;

/** The state on one screen (both phone states for `phone`). */
export type StateOn<S extends Screen> = Extract<FlowState, { screen: S }>;

/** Answers from the runner carry the command id so a stale answer is dropped. */
export type FlowEvent =
  | { type: 'START' }
  | { type: 'RETRY' }
  | { type: 'SUBMIT_PHONE'; phone: string }
  | { type: 'RESEND_CODE' }
  | { type: 'CHANGE_NUMBER' }
  | { type: 'SUBMIT_CODE'; code: string }
  | { type: 'CREATE_WALLET'; details: CreateWalletRequest }
  | { type: 'LINK_WALLET' }
  | { type: 'CHOOSE_AMOUNT'; amount: string }
  | { type: 'CONFIRM_PLAN' }
  | { type: 'CONFIRM_BUNDLE' }
  | { type: 'CONTINUE_SUBSCRIBED' }
  | { type: 'BACK' }
  | { type: 'PAY_STARTED' }
  | { type: 'PAY'; input: PaymentInput }
  | { type: 'PAY_CLIENT_FAILED'; error: FlowError }
  | { type: 'ANSWER_CHALLENGE'; approve: boolean }
  | { type: 'FINISH' }
  /** The customer closes (button, Escape), or the host asks to (`byHost`: the merchant's close() or its yes). */
  | { type: 'CLOSE'; byHost?: boolean }
  | { type: 'STARTED'; id: number; response: StartResponse }
  | { type: 'CODE_SENT'; id: number; response: SendCodeResponse }
  | { type: 'CODE_VERIFIED'; id: number; response: VerifyCodeResponse }
  | { type: 'WALLET_READY'; id: number; response: WalletResponse }
  | { type: 'INTENT_CREATED'; id: number; response: PaymentIntentResponse }
  | { type: 'PAYMENT_RESULT'; id: number; response: ConfirmPaymentResponse }
  | { type: 'COMPLETED'; id: number; response: CompleteResponse }
  | { type: 'REQUEST_FAILED'; id: number; error: FlowError };

/** What the customer (or the host) does. */
export type CustomerEvent = Exclude<FlowEvent, { id: number }>;

/** What the runner answers to a command. */
export type AnswerEvent = Extract<FlowEvent, { id: number }>;
