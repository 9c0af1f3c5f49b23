import type { en } from './en';

/** Every word the customer reads, as English has it: the shape each locale's catalog must have. */
export type Catalog = typeof en;

type Entry = (...args: never[]) => string;

/** T with every key Shape lacks, at any depth, turned into `never`, so that key fails to typecheck. */
type Exactly<T, Shape> = T extends Entry ? T : { [K in keyof T]: K extends keyof Shape ? Exactly<T[K], Shape[K]> : never };

/**
 * Declares a locale's catalog: a missing key, an extra key (nested ones and ones spread in from a
 * variable included) or an entry of another signature fails the typecheck. `satisfies Catalog`
 * alone lets extra keys of a referenced object through.
 */
export function defineCatalog<T extends Catalog>(catalog: T & Exactly<T, Catalog>): Catalog {
  return catalog;
}
