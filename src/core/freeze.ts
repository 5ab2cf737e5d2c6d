/**
 * Freezes a value and everything reachable from it, so shared data (shipped banks,
 * defaults) cannot be changed by one caller behind another's back.
 *
 * @param value Any JSON-like value.
 * @returns The same value, frozen.
 */
// @__NO_SIDE_EFFECTS__
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
