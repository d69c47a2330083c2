// Texts of the criteria catalogue page, in both languages. Keys start with `cat_`.
export const catalogueMessages = {
  cat_inForce: { vi: 'Hiệu lực từ {from} đến {to}', en: 'In force from {from} to {to}' },
  cat_wording: { vi: 'Nội dung', en: 'Wording' },
  cat_source: { vi: 'Căn cứ', en: 'Source' },
  cat_verification: { vi: 'Đối chiếu', en: 'Checked' },
  cat_checked: { vi: 'Đã đối chiếu', en: 'Checked' },
  cat_notChecked: { vi: 'chưa đối chiếu văn bản', en: 'not checked against the text' },
  cat_provinceAddition: { vi: 'Bổ sung của tỉnh', en: "Province's addition" },
  cat_eligibility: { vi: 'Đối tượng không thuộc diện', en: 'Exclusions' },
  cat_noExclusion: { vi: 'Không có quy định loại trừ.', en: 'No exclusion rule.' },
  cat_adminsOnly: { vi: 'Trang này dành cho quản trị viên.', en: 'This page is for administrators.' },
} as const;
