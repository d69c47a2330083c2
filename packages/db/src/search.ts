import { foldForSearch } from '@antoan/core';
import { sql, type RawBuilder } from 'kysely';

/** The words of a search, folded like the stored `search_key` columns. */
export function searchWords(search: string | undefined): string[] {
  return search ? foldForSearch(search).split(' ').filter(Boolean) : [];
}

/** `<column> LIKE '%word%'` with the word's own `%`, `_` and `\` taken literally, on both dialects. */
export function containsWord(column: string, word: string): RawBuilder<boolean> {
  const escaped = word.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return sql<boolean>`${sql.ref(column)} like ${`%${escaped}%`} escape '\\'`;
}
