// Vietnamese alphabetical order as a plain sortable string, so a database can ORDER BY it with binary
// comparison (SQLite's default, PostgreSQL's COLLATE "C") and agree with compareVietnamese.

// Letters with a vowel modifier sort after the plain letter: a < ă < â, e < ê, o < ô < ơ, u < ư, d < đ.
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031B';
// Tones are secondary, in the traditional order: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK: Readonly<Record<string, string>> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5', // nặng
};

/**
 * A key whose binary (code-unit) order is Vietnamese alphabetical order, ignoring case: letters first by
 * base letter with its vowel modifier (a < ă < â < b … d < đ), then by tone (ngang < huyền < hỏi < ngã <
 * sắc < nặng). Store it beside a name and sort by it in SQL; in PostgreSQL give the column `COLLATE "C"`.
 *
 * @example
 * ```ts
 * const names = ['Đồng Hới', 'Duy Tân', 'Ân Thi', 'An Lão'];
 * names.sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
 * // ['An Lão', 'Ân Thi', 'Duy Tân', 'Đồng Hới']
 * ```
 */
export function vietnameseSortKey(text: string): string {
  let primary = '';
  let tones = '';
  const chars = [...text.normalize('NFD').toLowerCase()];
  for (const [i, ch] of chars.entries()) {
    if (/\s/u.test(ch)) {
      primary += '!';
      continue;
    }
    if (/\p{Mn}/u.test(ch)) continue; // marks are read with their base letter below
    let base = ch;
    let variant = '0';
    let tone = '0';
    if (ch === 'đ') {
      base = 'd';
      variant = '1';
    }
    for (let j = i + 1; j < chars.length; j++) {
      const mark = chars[j];
      if (mark === undefined || !/\p{Mn}/u.test(mark)) break;
      if (mark === BREVE) variant = '1';
      else if (mark === CIRCUMFLEX) variant = base === 'a' ? '2' : '1';
      else if (mark === HORN) variant = base === 'o' ? '2' : '1';
      else if (TONE_RANK[mark]) tone = TONE_RANK[mark];
    }
    primary += base + variant;
    tones += tone;
  }
  return `${primary} ${tones}`;
}
