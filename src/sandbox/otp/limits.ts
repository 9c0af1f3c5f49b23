/** OTP policy. Numbers are the sandbox's defaults; tests read them rather than repeat them. */
export const OTP_LIMITS = {
  codeTtlMs: 10 * 60_000,
  maxAttempts: 5,
  /** Between two sends to the same phone, and between two sends in the same session. */
  resendCooldownMs: 30_000,
  /** Sends to one phone (any session) within the window. Test numbers are exempt. */
  perPhoneMax: 5,
  /** Sends within one checkout session, whatever the phone. */
  perSessionMax: 5,
  windowMs: 60 * 60_000,
} as const;
