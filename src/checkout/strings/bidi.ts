/**
 * Text set inside right-to-left sentences. Without an isolate, the bidi algorithm lays digit
 * groups out right to left ("4000 0000 0000 0002" reads "0002 0000 0000 4000") and lets a
 * Latin name pull the punctuation around it to the wrong side.
 */

/** Always left to right: phone and card numbers. */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}

/** In the direction of its own first letter: names the merchant or the customer chose. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
