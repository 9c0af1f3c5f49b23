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

export interface FlowState {
  screen: Screen;
  /**
   * The phone step is shown before start has answered (a preloaded or freshly loaded frame):
   * the host reports `loading` until start says where this session really is, and a phone
   * submitted meanwhile is sent once it has.
   */
  beforeStart: boolean;
  session: Session | null;
  flowToken: string | null;
  /** E.164, kept in memory only so "resend" can work; null after a resume. */
  phone: string | null;
  phoneMasked: string | null;
  resendAfter: number;
  /** Bumps on every code sent, so a view can restart its cooldown clock. */
  codeSends: number;
  wallet: VerifyCodeResponse['wallet'] | null;
  connectionId: string | null;
  amount: string | null;
  intent: PaymentIntentResponse | null;
  challengeId: string | null;
  busy: boolean;
  /** A charge is in flight: the host is locked and close is ignored. */
  paying: boolean;
  /** The host confirms closes: a customer's close only reports `close_attempt` and waits. */
  askBeforeClose: boolean;
  /** Closed while the phone step was shown before start answered: end once it does (with the session id). */
  closeAfterStart: boolean;
  /** Shown on the current screen. */
  error: FlowError | null;
  /** Shown on the failure screen. */
  failure: FlowError | null;
  command: IssuedCommand | null;
  nextCommandId: number;
  /** Host events produced by the last transition. */
  emits: CheckoutEvent[];
  result: CompleteResponse | null;
  outcome: Outcome | null;
}

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
