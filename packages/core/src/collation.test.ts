import { describe, expect, it } from 'vitest';
import { vietnameseSortKey } from './collation.js';
import { compareVietnamese } from './text.js';

const byKey = (a: string, b: string) =>
  vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : vietnameseSortKey(a) > vietnameseSortKey(b) ? 1 : 0;

describe('vietnameseSortKey', () => {
  it.each([
    ['An', 'Ân'],
    ['Ăn', 'Ân'],
    ['Duy', 'Đồng'],
    ['Dương', 'Đa'],
    ['O', 'Ô'],
    ['Ô', 'Ơ'],
    ['U', 'Ư'],
    ['An', 'Anh'],
    ['An', 'An Bình'],
    ['Quảng Thọ', 'Quảng Thủy'],
    ['Quảng Thuận', 'Quảng Thủy'],
    ['Quảng Tân', 'Quảng Thọ'],
    ['ma', 'mà'],
    ['mà', 'mả'],
    ['mả', 'mã'],
    ['mã', 'má'],
    ['má', 'mạ'],
  ])('%s sorts before %s', (a, b) => {
    expect(vietnameseSortKey(a) < vietnameseSortKey(b)).toBe(true);
  });

  it('ignores case and Unicode normalisation', () => {
    expect(vietnameseSortKey('QUẢNG THỦY')).toBe(vietnameseSortKey('quảng thủy'));
    expect(vietnameseSortKey('Quảng Thủy'.normalize('NFD'))).toBe(vietnameseSortKey('Quảng Thủy'.normalize('NFC')));
  });

  it('agrees with the Vietnamese collator on the Ba Đồn communes', () => {
    const names = [
      'Quảng Văn',
      'Ba Đồn',
      'Quảng Hải',
      'Quảng Thủy',
      'Quảng Hòa',
      'Quảng Lộc',
      'Quảng Minh',
      'Quảng Sơn',
      'Quảng Tân',
      'Quảng Tiên',
      'Quảng Trung',
      'Quảng Long',
      'Quảng Phong',
      'Quảng Phúc',
      'Quảng Thọ',
      'Quảng Thuận',
    ];
    expect([...names].sort(byKey)).toEqual([...names].sort(compareVietnamese));
  });
});
