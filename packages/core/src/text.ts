/**
 * Folds Vietnamese text for search: lower case, no diacritics, `đ`/`Đ` → `d`, runs of white space collapsed.
 * Works the same on text in either Unicode normalisation (NFC or NFD).
 *
 * @example
 * ```ts
 * foldForSearch('Quảng Thủy'); // 'quang thuy'
 * foldForSearch('ĐỒN  Sa');    // 'don sa'
 * ```
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Compares two strings in Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers in natural order.
 * Use it as the comparator of `Array.prototype.sort`.
 *
 * @example
 * ```ts
 * ['Đồng', 'Duy', 'Ân', 'An'].sort(compareVietnamese); // ['An', 'Ân', 'Duy', 'Đồng']
 * ```
 */
export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}
