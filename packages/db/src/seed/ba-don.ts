import type { AreaKind } from '@antoan/core';

// Ba Đồn town (thị xã Ba Đồn, Quảng Bình) as it was in 2021: 6 wards and 10 communes (shared/domain.md).
// Area codes are the demo's own ("BD-…"), not the official statistical codes. The 2025 reorganisation
// (districts abolished, Quảng Bình merged into Quảng Trị, communes merged) is not encoded in the demo.

export const BA_DON_PROVINCE = { code: 'QB', name: 'Quảng Bình', kind: 'tinh' as AreaKind, validFrom: '1989-07-01' };
export const BA_DON_TOWN = { code: 'QB-BD', name: 'Ba Đồn', kind: 'thi-xa' as AreaKind, validFrom: '2014-02-10' };

export const BA_DON_COMMUNES: ReadonlyArray<{ code: string; name: string; kind: AreaKind }> = [
  { code: 'QB-BD-BADON', name: 'Ba Đồn', kind: 'phuong' },
  { code: 'QB-BD-QLONG', name: 'Quảng Long', kind: 'phuong' },
  { code: 'QB-BD-QPHONG', name: 'Quảng Phong', kind: 'phuong' },
  { code: 'QB-BD-QPHUC', name: 'Quảng Phúc', kind: 'phuong' },
  { code: 'QB-BD-QTHO', name: 'Quảng Thọ', kind: 'phuong' },
  { code: 'QB-BD-QTHUAN', name: 'Quảng Thuận', kind: 'phuong' },
  { code: 'QB-BD-QHAI', name: 'Quảng Hải', kind: 'xa' },
  { code: 'QB-BD-QHOA', name: 'Quảng Hòa', kind: 'xa' },
  { code: 'QB-BD-QLOC', name: 'Quảng Lộc', kind: 'xa' },
  { code: 'QB-BD-QMINH', name: 'Quảng Minh', kind: 'xa' },
  { code: 'QB-BD-QSON', name: 'Quảng Sơn', kind: 'xa' },
  { code: 'QB-BD-QTAN', name: 'Quảng Tân', kind: 'xa' },
  { code: 'QB-BD-QTHUY', name: 'Quảng Thủy', kind: 'xa' },
  { code: 'QB-BD-QTIEN', name: 'Quảng Tiên', kind: 'xa' },
  { code: 'QB-BD-QTRUNG', name: 'Quảng Trung', kind: 'xa' },
  { code: 'QB-BD-QVAN', name: 'Quảng Văn', kind: 'xa' },
];
