import { describeZodIssues } from '@antoan/core';
import type { Language } from '../i18n.js';

type Issues = Parameters<typeof describeZodIssues>[0];

/** What is used of a zod schema (the SPA does not depend on zod itself). */
export interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issues } };
}

/**
 * Client-side checks with the server's own input schema (from core): the field errors keyed by path
 * (`name`, `stoppedOn`, `counts.crimes`…), in the user's language, shown beside the fields before sending.
 */
export function schemaErrors(schema: Schema, value: unknown, language: Language): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of describeZodIssues(result.error.issues)) out[issue.path] ??= issue.message[language];
  return out;
}

/** Server field errors of a call whose input nests the record under `prefix` (`model.name` → `name`). */
export function unprefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors))
    out[path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path] = message;
  return out;
}
