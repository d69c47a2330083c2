import { useCallback, useState } from 'react';

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
export function useDraft<T>(
  key: string,
  base: T,
): {
  value: T;
  set: (next: T | ((previous: T) => T)) => void;
  dirty: boolean;
  restored: boolean;
  clear: () => void;
} {
  const [state, setState] = useState(() => {
    const draft = read<T>(key);
    return { key, draft, restored: draft !== undefined };
  });
  if (state.key !== key) {
    const draft = read<T>(key);
    setState({ key, draft, restored: draft !== undefined });
  }
  const draft = state.draft;
  const restored = state.restored;
  const setDraft = useCallback(
    (update: (previous: T | undefined) => T | undefined) => setState((s) => ({ ...s, draft: update(s.draft) })),
    [],
  );
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
    [key, base, setDraft],
  );
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      // nothing stored
    }
    setDraft(() => undefined);
  }, [key, setDraft]);
  return { value, set, dirty: draft !== undefined, restored: restored && draft !== undefined, clear };
}
