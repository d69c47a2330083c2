// Texts of the units' pages (a unit, its recognition and its history), in both languages.
export const unitMessages = {
  recognisedBy: { vi: 'Cấp công nhận', en: 'Recognised by' },
  resultDiffersFromDecision: {
    vi: 'Kết quả tính lại khác quyết định đã ghi (quyết định giữ nguyên).',
    en: 'The result computed now differs from the recorded decision (which stands).',
  },
  delegated: { vi: 'được ủy quyền', en: 'delegated' },
  ministryMonitored: {
    vi: 'Do đơn vị thuộc Bộ Công an theo dõi (Bộ Công an công nhận)',
    en: 'Monitored by a department of the Ministry (the Ministry recognises it)',
  },
  recognitionDelegated: { vi: 'Ủy quyền công nhận cho cấp dưới một cấp', en: 'Recognition delegated one level down' },
  recognitionEffectiveFrom: {
    vi: 'Hiệu lực từ ngày (bỏ trống: hôm nay)',
    en: 'Effective from (empty: today)',
  },
  unitHistory: { vi: 'Lịch sử qua các năm', en: 'History across years' },
  noHistory: { vi: 'Đơn vị chưa có hồ sơ năm nào.', en: 'The unit has no file for any year yet.' },
  status: { vi: 'Trạng thái', en: 'Status' },
  result: { vi: 'Kết quả', en: 'Result' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  assessment: { vi: 'Hồ sơ đánh giá', en: 'Assessment' },
  gradingSheet: { vi: 'Phiếu chấm điểm', en: 'Grading sheet' },
  openAssessment: { vi: 'Mở hồ sơ năm {year}', en: 'Open the {year} file' },
} as const;
