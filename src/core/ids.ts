import { customAlphabet } from 'nanoid';

/** The alphabet of generated ids: URL-safe, no look-alike `-`/`_` at the ends. */
export const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Length of generated ids: 12 characters of 62 symbols is ~71 bits, enough for any bank. */
export const ID_LENGTH = 12;

/** What an id must look like: 1-64 characters of letters, digits, `_` and `-`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Names an id may not take: the properties of `Object.prototype` (and `prototype`). Progress and
 * responses are records keyed by id, and a plain-object lookup of `toString` or `__proto__` finds
 * the prototype's member instead of nothing. Listed by hand, not read from the engine, so every
 * engine agrees on what is valid.
 */
export const RESERVED_IDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'prototype',
  'toLocaleString',
  'toString',
  'valueOf',
]);

const generate = /* @__PURE__ */ customAlphabet(ID_ALPHABET, ID_LENGTH);

/**
 * Creates a new random id for a question or card (nanoid, 12 characters).
 *
 * Hint: ids are assigned once and then never regenerated; store them.
 *
 * @returns A fresh id.
 */
export function createId(): string {
  return generate();
}

/**
 * Checks whether a string is a valid id.
 *
 * @param value Any value.
 * @returns `true` for 1-64 characters of `[A-Za-z0-9_-]` that are not a {@link RESERVED_IDS} name.
 */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !RESERVED_IDS.has(value);
}
