import { describe, expect, it } from 'vitest';
import { ID_LENGTH, createId, isId } from './ids';

describe('ids', () => {
  it('creates 12-character alphanumeric ids that pass isId', () => {
    const id = createId();
    expect(id).toMatch(new RegExp(`^[0-9A-Za-z]{${ID_LENGTH}}$`));
    expect(isId(id)).toBe(true);
  });

  it('does not repeat across 10,000 ids', () => {
    const seen = new Set(Array.from({ length: 10_000 }, createId));
    expect(seen.size).toBe(10_000);
  });

  it('rejects empty, too long, and non-string ids', () => {
    for (const bad of ['', 'a'.repeat(65), 'has space', 'ü', 42, null]) expect(isId(bad)).toBe(false);
    expect(isId('a'.repeat(64))).toBe(true);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) expect(isId(name), name).toBe(false);
  });
});
