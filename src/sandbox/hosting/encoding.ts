import { readFile } from 'node:fs/promises';

/** Content codings the build writes beside each text file, best first (`.br`, `.gz`). */
const CODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export type Coding = (typeof CODINGS)[number]['name'];

/**
 * The q-value `Accept-Encoding` gives a coding (RFC 9110 §12.5.3): its own entry, else `*`,
 * else 0. `gzip` also answers to its old alias `x-gzip`.
 */
function quality(accept: string, coding: Coding): number {
  let star = 0;
  for (const part of accept.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    const weight = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
    if (token === coding || (coding === 'gzip' && token === 'x-gzip')) return weight;
    if (token === '*') star = weight;
  }
  return star;
}

/** The codings a client accepts, best for it first (ties go to the smaller: br before gzip). */
export function acceptedCodings(acceptEncoding: string | undefined): Array<(typeof CODINGS)[number]> {
  if (!acceptEncoding) return [];
  return CODINGS.map((coding) => ({ coding, q: quality(acceptEncoding, coding.name) }))
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q)
    .map(({ coding }) => coding);
}

export interface EncodedFile {
  body: Buffer;
  /** Absent: the file as it is (identity). */
  coding?: Coding;
}

/**
 * The best version of `file` the client accepts that the build wrote (`file.br`, `file.gz`),
 * else the file itself (`asIs` when the caller has already read it).
 */
export async function readEncoded(file: string, acceptEncoding: string | undefined, asIs?: Buffer): Promise<EncodedFile> {
  for (const { name, suffix } of acceptedCodings(acceptEncoding)) {
    const body = await readFile(file + suffix).catch(() => null);
    if (body) return { body, coding: name };
  }
  return { body: asIs ?? (await readFile(file)) };
}
