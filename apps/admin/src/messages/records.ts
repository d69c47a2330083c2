// Texts of the record pages (grading, models, awards, incidents, quarterly reports, inbox), in both languages.
export const recordMessages = {
  recordsPlaceholder: { vi: 'Đang xây dựng', en: 'Being built' },
} as const;
