import type { Context } from 'hono';
import { ApiError, invalid } from './errors';

export const MAX_BODY_BYTES = 64 * 1024;

type Json = Record<string, unknown>;

/** Reads a JSON object body: 413 when too large, 400 when not a JSON object. An empty body is `{}`. */
export async function readJsonObject(c: Context): Promise<Json> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw invalid('The request body could not be read.');
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw tooLarge();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('The request body must be a JSON object.');
  }
  return parsed as Json;
}

function tooLarge(): ApiError {
  return new ApiError('invalid_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { status: 413 });
}

/** Field readers: each throws a 400 naming the field. */
export const field = {
  string(body: Json, name: string, opts: { max?: number; min?: number } = {}): string {
    const value = body[name];
    if (typeof value !== 'string') throw invalid(`'${name}' is required and must be a string.`);
    const max = opts.max ?? 500;
    if (value.length > max) throw invalid(`'${name}' must be at most ${max} characters.`);
    if (value.length < (opts.min ?? 1)) throw invalid(`'${name}' must not be empty.`);
    return value;
  },
  optionalString(body: Json, name: string, opts: { max?: number } = {}): string | undefined {
    if (body[name] === undefined || body[name] === null) return undefined;
    return field.string(body, name, opts);
  },
  oneOf<T extends string>(body: Json, name: string, allowed: readonly T[]): T {
    const value = body[name];
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw invalid(`'${name}' must be one of: ${allowed.join(', ')}.`);
    }
    return value as T;
  },
  optionalOneOf<T extends string>(body: Json, name: string, allowed: readonly T[], fallback: T): T {
    if (body[name] === undefined || body[name] === null) return fallback;
    return field.oneOf(body, name, allowed);
  },
  optionalBoolean(body: Json, name: string): boolean | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw invalid(`'${name}' must be a boolean.`);
    return value;
  },
  optionalArray(body: Json, name: string, max = 50): unknown[] {
    const value = body[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw invalid(`'${name}' must be an array.`);
    if (value.length > max) throw invalid(`'${name}' must have at most ${max} items.`);
    return value;
  },
  object(value: unknown, name: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`'${name}' must be an object.`);
    return value as Json;
  },
};
