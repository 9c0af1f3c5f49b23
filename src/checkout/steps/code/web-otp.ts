import { useEffect, useRef } from 'react';

interface OtpCredential extends Credential {
  code: string;
}

/**
 * WebOTP: where the browser supports it, read the code from the SMS (the merchant's iframe
 * must allow `otp-credentials`). Aborted when the step goes away.
 */
export function useWebOtp(onCode: (code: string) => void, restartKey: number): void {
  const callback = useRef(onCode);
  callback.current = onCode;
  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey listens again for each new code
  useEffect(() => {
    if (typeof window === 'undefined' || !('OTPCredential' in window) || !navigator.credentials?.get) return;
    const controller = new AbortController();
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as OtpCredential | null)?.code;
        if (code && !controller.signal.aborted) callback.current(code);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [restartKey]);
}
