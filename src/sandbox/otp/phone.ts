import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { ApiError } from '../http/errors';

const E164 = /^\+[1-9]\d{6,14}$/;

/** Test numbers: +1 201 555 0100 through 0199 always receive the fixed code 000000. */
export const TEST_PHONE_PATTERN = /^\+120155501\d{2}$/;
export const TEST_CODE = '000000';

export function isTestPhone(phone: string): boolean {
  return TEST_PHONE_PATTERN.test(phone);
}

/** A strict E.164 number that libphonenumber accepts; 400 invalid_phone otherwise. */
export function validatePhone(value: unknown): string {
  if (typeof value !== 'string' || !E164.test(value)) {
    throw new ApiError('invalid_phone', 'Enter the phone number in international format, e.g. +14155550100.');
  }
  if (!isTestPhone(value) && !isValidPhoneNumber(value)) {
    throw new ApiError('invalid_phone', 'This is not a valid phone number.');
  }
  return value;
}

/** "+1 •••• ••12": the country code and the last two digits only. */
export function maskPhone(phone: string): string {
  let countryCode = phone.slice(1, 2);
  try {
    countryCode = parsePhoneNumberWithError(phone).countryCallingCode;
  } catch {
    // keep the first digit
  }
  return `+${countryCode} •••• ••${phone.slice(-2)}`;
}
