import type { ImportColumn } from './import-columns.js';

// The columns of the import's reorganisations table (issue 15), beside the areas' and units' of import-columns.ts.

/**
 * The columns of the reorganisations table (sheet "Sắp xếp địa bàn"), in template order: one row per operation
 * (merge, split, rename, move, dissolution, establishment), as the "Sắp xếp địa bàn" page does it.
 *
 * @example
 * ```ts
 * REORGANISATION_IMPORT_COLUMNS.map((c) => c.key);
 * // ['kind', 'fromCodes', 'toCodes', 'toNames', 'toKind', 'parentCode', 'effectiveDate', 'legalNumber', 'legalDate']
 * ```
 */
export const REORGANISATION_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'kind',
    header: { vi: 'Loại sắp xếp', en: 'Reorganisation kind' },
    required: true,
    note: {
      vi: 'Một trong: Sáp nhập; Chia tách; Đổi tên; Chuyển nơi trực thuộc; Giải thể; Thành lập mới.',
      en: 'One of: Merge; Split; Rename; Move (under another parent); Dissolve; Establish.',
    },
    example: 'Sáp nhập',
    width: 18,
  },
  {
    key: 'fromCodes',
    header: { vi: 'Mã địa bàn cũ', en: 'Former area codes' },
    required: true,
    note: {
      vi: 'Mã địa bàn đang có hiệu lực sẽ kết thúc; sáp nhập: nhiều mã, cách nhau bằng dấu ";". Thành lập mới: để trống.',
      en: 'Code of the existing area that ends; a merge: several codes separated by ";". Establish: empty.',
    },
    example: 'QB-BD-QTHUY; QB-BD-QVAN',
    width: 28,
  },
  {
    key: 'toCodes',
    header: { vi: 'Mã địa bàn mới', en: 'New area codes' },
    required: false,
    note: {
      vi: 'Mã của địa bàn kế thừa (mã mới, chưa dùng). Chia tách, thành lập mới: có thể nhiều mã, cách nhau bằng ";". Giải thể: để trống, hoặc mã địa bàn đang có, cùng cấp, tiếp nhận địa bàn giải thể (ví dụ tỉnh sáp nhập vào tỉnh mới).',
      en: 'Code of the successor area (new, unused). A split, establishing: several codes may be separated by ";". Dissolve: empty, or the code of the existing area of the same level that takes the dissolved one over (a province merged into the new one, say).',
    },
    example: 'QB-BD-QTV',
    width: 20,
  },
  {
    key: 'toNames',
    header: { vi: 'Tên địa bàn mới', en: 'New area names' },
    required: false,
    note: {
      vi: 'Tên địa bàn kế thừa, không kèm cấp; chia tách: cùng số tên với số mã, cách nhau bằng ";".',
      en: 'Name of the successor area without its kind; a split: as many names as codes, separated by ";".',
    },
    example: 'Quảng Thủy Văn',
    width: 26,
  },
  {
    key: 'toKind',
    header: { vi: 'Loại địa bàn mới', en: 'New area kind' },
    required: false,
    note: {
      vi: 'Loại của địa bàn kế thừa (Xã, Phường…). Bỏ trống: như địa bàn cũ (đầu tiên). Bắt buộc khi thành lập mới.',
      en: 'Kind of the successor area (commune, ward…). Empty: as the (first) former area. Required when establishing.',
    },
    example: '',
    width: 16,
  },
  {
    key: 'parentCode',
    header: { vi: 'Mã địa bàn cấp trên mới', en: 'New parent area code' },
    required: false,
    note: {
      vi: 'Bắt buộc khi chuyển nơi trực thuộc. Bỏ trống: cấp trên của địa bàn cũ (đầu tiên); khi thành lập mới: không có cấp trên (tỉnh).',
      en: 'Required for a move. Empty: the parent of the (first) former area; when establishing: no parent (a province).',
    },
    example: '',
    width: 20,
  },
  {
    key: 'effectiveDate',
    header: { vi: 'Ngày hiệu lực', en: 'Effective date' },
    required: true,
    note: {
      vi: 'Ngày địa bàn cũ kết thúc và địa bàn mới bắt đầu, dạng dd/mm/yyyy. Số liệu các năm trước giữ nguyên.',
      en: 'The day the former areas end and the new ones begin, dd/mm/yyyy. The figures of the years before stay as they were.',
    },
    example: '01/07/2025',
    width: 14,
  },
  {
    key: 'legalNumber',
    header: { vi: 'Số nghị quyết', en: 'Resolution number' },
    required: true,
    note: {
      vi: 'Số văn bản làm căn cứ, ví dụ 1680/NQ-UBTVQH15.',
      en: 'Number of the legal act, e.g. 1680/NQ-UBTVQH15.',
    },
    example: '1680/NQ-UBTVQH15',
    width: 20,
  },
  {
    key: 'legalDate',
    header: { vi: 'Ngày nghị quyết', en: 'Resolution date' },
    required: true,
    note: { vi: 'Ngày ban hành văn bản, dạng dd/mm/yyyy.', en: 'Date of the legal act, dd/mm/yyyy.' },
    example: '16/06/2025',
    width: 14,
  },
];
