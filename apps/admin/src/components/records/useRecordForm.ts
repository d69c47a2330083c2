import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../../errors.js';
import { useI18n } from '../../i18n.js';
import { useDraft } from '../../lib/draft.js';
import { unprefixed } from '../validate.js';

/**
 * What every record form shares: its values as a draft kept across reloads (`key`; `base`: the values to
 * start from), the errors its fields show, and sending only a form the client finds no error in.
 */
export function useRecordForm<V extends object>(key: string, base: V) {
  const { language } = useI18n();
  const draft = useDraft<V>(key, base);
  const [submitted, setSubmitted] = useState(false);
  return {
    draft,
    values: draft.value,
    set: <K extends keyof V>(field: K, value: V[K]) => draft.set((v) => ({ ...v, [field]: value })),
    /**
     * The errors beside the fields: the server's field errors of the last call (`prefix`: the input nests the
     * record under it) and, once the user tried to send, the client's own checks.
     */
    errors: (clientErrors: Record<string, string>, serverError: unknown, prefix?: string) => {
      const server = serverError ? fieldErrorsOf(serverError, language) : {};
      const serverErrors = prefix === undefined ? server : unprefixed(server, prefix);
      return submitted ? { ...serverErrors, ...clientErrors } : serverErrors;
    },
    /** The submit handler's work: sends when there is no client error; says whether it sent. */
    submit: (event: FormEvent, clientErrors: Record<string, string>, send: () => void): boolean => {
      event.preventDefault();
      setSubmitted(true);
      if (Object.keys(clientErrors).length > 0) return false;
      send();
      return true;
    },
    /** After a save: the draft is dropped and the form starts afresh. */
    saved: () => {
      draft.clear();
      setSubmitted(false);
    },
  };
}

/** Refreshes the queries of the given tRPC paths (`trpc.awards.pathKey()`, …) after a change. */
export function useInvalidate(): (...keys: QueryKey[]) => Promise<void> {
  const queryClient = useQueryClient();
  return async (...keys) => {
    await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
