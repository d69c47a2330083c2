import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'antoan.draft.';

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/**
 * A form's working copy, kept in sessionStorage while it differs from what the server has: an expired
 * session, a reload or a crash of the tab does not lose what was typed. `base` is the server's value; the
 * draft is dropped by `clear()` (after a save) or `discard()`.
 */
export function useDraft<T>(key: string, base: T): {
  value: T;
  set: (next: T | ((previous: T) => T)) => void;
  dirty: boolean;
  restored: boolean;
  clear: () => void;
} {
  const stored = useRef(read<T>(key));
  const [draft, setDraft] = useState<T | undefined>(stored.current);
  const [restored] = useState(stored.current !== undefined);
  useEffect(() => {
    stored.current = read<T>(key);
    setDraft(stored.current);
  }, [key]);
  const value = draft ?? base;
  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      setDraft((previous) => {
        const current = previous ?? base;
        const value = typeof next === 'function' ? (next as (p: T) => T)(current) : next;
        try {
          sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
        } catch {
          // storage full or disabled: the draft lives in memory only
        }
        return value;
      });
    },
    [key, base],
  );
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      // nothing stored
    }
    setDraft(undefined);
  }, [key]);
  return { value, set, dirty: draft !== undefined, restored: restored && draft !== undefined, clear };
}
