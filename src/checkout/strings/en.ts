import type { BillingInterval, ErrorCode } from '../../contract';
import { formatCardExpiry } from './format';
import { pluralFor } from './plural';

const plural = pluralFor('en');

/**
 * Every word the customer reads; the shape every other catalog has (`Catalog`). Amounts arrive
 * formatted (`formatMoney`), so no entry writes a currency; counts go through `plural`.
 */
export const en = {
  dialogLabel: (merchant: string) => `Checkout for ${merchant}`,
  close: 'Close checkout',
  loading: 'Loading checkout…',
  poweredBy: 'Secured by Lava',
  sandboxBadge: 'Sandbox',
  continue: 'Continue',
  back: 'Back',
  tryAgain: 'Try again',

  phone: {
    title: 'Enter your phone number',
    lead: (merchant: string) => `${merchant} uses Lava for billing. We'll text you a code to verify it's you.`,
    ownerLead: (masked: string) => `Verify it's you: enter the phone number of this account (${masked}).`,
    country: 'Country',
    countrySearch: 'Search countries',
    countryButton: (country: string, dial: string) => `Country: ${country} (${dial})`,
    countryResults: (count: number) =>
      plural(count, {
        one: (n) => `${n} country`,
        other: (n) => `${n} countries`,
      }),
    noCountries: 'No country matches.',
    number: 'Phone number',
    submit: 'Send code',
    sending: 'Sending code…',
    tooShort: 'This number is too short.',
    tooLong: 'This number is too long.',
    invalidForCountry: (country: string) => `This isn't a valid phone number for ${country}.`,
    required: 'Enter your phone number.',
    notOwner: 'Use the phone number of the account this checkout is for.',
    sandboxHint: 'Test numbers +1 201 555 0100 to 0199 always receive the code 000000.',
  },
  code: {
    title: 'Enter the code',
    lead: (masked: string) => `We sent a 6-digit code to ${masked}.`,
    label: 'Verification code',
    submit: 'Verify',
    verifying: 'Verifying…',
    resend: 'Send a new code',
    resendIn: (seconds: number) =>
      plural(seconds, {
        one: (n) => `You can request a new code in ${n} second`,
        other: (n) => `You can request a new code in ${n} seconds`,
      }),
    changeNumber: 'Change number',
    incomplete: 'Enter all 6 digits.',
    sandboxHint: 'Test numbers take the code 000000.',
  },
  wallet: {
    createTitle: 'Create your Lava wallet',
    createLead: 'Your wallet keeps your balance and payment methods in one place.',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    firstNameRequired: 'Enter your first name.',
    lastNameRequired: 'Enter your last name.',
    emailInvalid: 'Enter an email address like name@example.com.',
    create: 'Create wallet',
    creating: 'Creating wallet…',
    linkTitle: (merchant: string) => `Link your Lava wallet to ${merchant}`,
    linkLead: (merchant: string) =>
      `${merchant} will be able to bill your wallet for what you use. You can unlink it at any time from Lava.`,
    linkDetails: 'Your wallet',
    link: 'Link wallet',
    linking: 'Linking…',
  },
  amount: {
    title: 'Add funds',
    lead: (min: string, max: string) => `Choose an amount between ${min} and ${max}.`,
    custom: 'Other amount (USD)',
    presets: 'Suggested amounts',
    outOfRange: (min: string, max: string) => `Enter an amount between ${min} and ${max}.`,
    submit: 'Continue to payment',
  },
  plan: {
    title: 'Your plan',
    per: (interval: BillingInterval) => ({ day: 'per day', week: 'per week', month: 'per month', year: 'per year' })[interval],
    included: (credit: string) => `${credit} usage credit included each period`,
    rolloverFull: 'Unused credit rolls over to the next period.',
    rolloverNone: 'Unused credit expires at the end of each period.',
    submit: 'Continue to payment',
    alreadyTitle: "You're already on this plan",
    alreadyLead: (plan: string, merchant: string) =>
      `Your wallet is already subscribed to ${plan}. We'll link it to ${merchant} without charging you again.`,
  },
  bundle: {
    title: 'Buy credits',
    credit: (credit: string) => `${credit} of usage credit`,
    submit: 'Continue to payment',
  },
  payment: {
    title: 'Payment',
    total: 'Total',
    sandboxLabel: 'Sandbox — no real charge',
    sandboxCards:
      'Test cards: 4242 4242 4242 4242 succeeds · 4000 0000 0000 0002 is declined · 4000 0000 0000 9995 has insufficient funds · 4000 0025 0000 3155 asks for authentication. Any future expiry, any CVC.',
    savedCards: 'Saved cards',
    savedCard: (brand: string, last4: string, month: number, year: number) =>
      `${brand} ending in ${last4}, expires ${formatCardExpiry('en', month, year)}`,
    newCard: 'Use a new card',
    cardNumber: 'Card number',
    expiry: 'Expiry (MM/YY)',
    cvc: 'CVC',
    saveCard: 'Save this card for autopay',
    pay: (amount: string) => `Pay ${amount}`,
    subscribe: (amount: string) => `Subscribe — ${amount}`,
    paying: 'Processing payment…',
    cardNumberInvalid: 'This card number is not valid.',
    cardNumberIncomplete: 'The card number is incomplete.',
    expiryInvalid: 'Enter the expiry as MM/YY.',
    expiryPast: 'This card has expired.',
    cvcInvalid: (length: number) =>
      plural(length, { one: (n) => `The CVC has ${n} digit.`, other: (n) => `The CVC has ${n} digits.` }),
    tryAnotherCard: 'Please try another card.',
    loadingProcessor: 'Loading secure payment form…',
    processorUnavailable: 'The payment form could not be loaded. Check your connection and try again.',
  },
  challenge: {
    title: 'Confirm this payment',
    lead: 'Your bank asks you to confirm this payment.',
    sandboxLead: 'Sandbox authentication: choose what your bank would answer.',
    approve: 'Approve',
    fail: 'Fail authentication',
  },
  done: {
    title: 'All set',
    onboarding: 'Your wallet is funded and linked.',
    topup: 'Funds added to your wallet.',
    subscription: 'Your subscription is active.',
    credit_bundle: 'Credits added to your wallet.',
    returning: (merchant: string) => `Returning you to ${merchant}…`,
  },
  failure: {
    title: "This checkout can't continue",
    networkTitle: 'Connection lost',
  },
  /** The legacy checkout URL opened as a page of its own instead of inside the merchant's page. */
  notFramed: {
    title: "Open this checkout from the merchant's website",
    lead: 'This checkout only works inside the website that started it. Go back to that website and choose to pay there.',
    warning: 'If someone sent you this link, do not enter your details here.',
  },
  errors: {
    invalid_token: 'This checkout link is not valid. Please start again from the merchant’s page.',
    load_timeout: 'The checkout took too long to load. Please try again.',
    already_open: 'A checkout is already open.',
    session_not_found: 'This checkout was not found. Please start again from the merchant’s page.',
    session_expired: 'This checkout has expired. Please start again from the merchant’s page.',
    session_used: 'This checkout was already completed. Please start again from the merchant’s page.',
    origin_mismatch: 'This checkout was opened from a page it was not created for.',
    network: 'We could not reach Lava. Check your connection and try again.',
    invalid_request: 'Something in the request was not right. Please check and try again.',
    unauthorized: 'Your checkout session has ended. Please start again from the merchant’s page.',
    forbidden: 'This action is not allowed for this checkout.',
    not_found: 'We could not find what you asked for.',
    conflict: 'This was already done.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    invalid_phone: 'This phone number is not valid.',
    code_invalid: 'That code is not right. Check it and try again.',
    code_expired: 'That code has expired. Send a new code.',
    code_attempts_exceeded: 'Too many wrong codes. Send a new code to try again.',
    invalid_wallet_details: 'Please check your name and email.',
    card_declined: 'Your card was declined.',
    insufficient_funds: 'Your card has insufficient funds.',
    authentication_required: 'Your bank asks you to confirm this payment.',
    authentication_failed: 'Your bank could not confirm this payment.',
    invalid_card: 'These card details are not valid.',
    amount_out_of_range: 'This amount is not allowed.',
    payment_in_progress: 'A payment is already being processed for this checkout. Please wait.',
    internal: 'Something went wrong on our side. Please try again.',
  } satisfies Record<ErrorCode, string>,
  rateLimitedFor: (seconds: number) =>
    plural(seconds, {
      one: (n) => `Too many attempts. Try again in ${n} second.`,
      other: (n) => `Too many attempts. Try again in ${n} seconds.`,
    }),
};
