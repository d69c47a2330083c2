/**
 * The value of `key` in a map the caller's own plan filled (an area created above, a unit of the plan): one
 * missing is a broken invariant, reported as an Error naming it, never a user's mistake.
 */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`${what} ${String(key)} is missing`);
  return value;
}

/** A value the caller's plan guarantees (a start date a validated row has): one missing is a broken invariant. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
