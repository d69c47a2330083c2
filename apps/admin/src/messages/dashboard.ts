// Texts of the dashboard (recognition, models, awards, reports, grades, trends), in both languages.
export const dashboardMessages = {
  dashboardTitle: { vi: 'Tổng quan {area}, năm {year}', en: 'Overview of {area}, {year}' },
  recognitionTable: {
    vi: 'Kết quả công nhận “An toàn về an ninh, trật tự”',
    en: 'Recognition as “Safe in security and order”',
  },
  unitType: { vi: 'Loại đơn vị', en: 'Unit type' },
  recognised: { vi: 'Đạt', en: 'Met' },
  total: { vi: 'Tổng số', en: 'Total' },
  rate: { vi: 'Tỷ lệ', en: 'Rate' },
  excluded: { vi: 'Không xét', en: 'Excluded' },
  modelsTitle: { vi: 'Mô hình tự quản, tự phòng', en: 'Grassroots security models' },
  modelsOperating: { vi: 'Đang hoạt động', en: 'Operating' },
  modelsNew: { vi: 'Xây dựng mới trong năm', en: 'New this year' },
  modelsAdvanced: { vi: 'Điển hình tiên tiến', en: 'Advanced examples' },
  awardsTitle: { vi: 'Khen thưởng', en: 'Awards' },
  reportsTitle: { vi: 'Báo cáo quý đã nộp', en: 'Quarterly reports filed' },
  reportsDueOnly: { vi: 'Chỉ tính các quý đã đến hạn nộp.', en: 'Counts only the quarters already due.' },
  reportsMissing: { vi: '{count} báo cáo còn thiếu', en: '{count} {count|report|reports} missing' },
  gradesTitle: { vi: 'Xếp loại phong trào (thang 100 điểm)', en: 'Movement grades (100-point sheets)' },
  trendTitle: { vi: 'Xu hướng theo năm và theo quý', en: 'Trend by year and by quarter' },
  byYear: { vi: 'Theo năm', en: 'By year' },
  byQuarter: { vi: 'Theo quý', en: 'By quarter' },
  yoy: { vi: 'So với năm {year}', en: 'Compared with {year}' },
  // a difference of two rates: percentage points, not a percentage of the earlier rate
  rateChange: { vi: '{value} điểm %', en: '{value} pp' },
  rateChangeTitle: {
    vi: 'Tỷ lệ đạt thay đổi {value} điểm phần trăm so với năm {year}',
    en: 'The rate changed by {value} percentage points from {year}',
  },
  yoyComposedOf: {
    vi: 'Địa bàn này chưa có vào năm {year}: số liệu năm {year} là của {areas} gộp lại.',
    en: 'This area did not exist in {year}: the {year} figures are those of {areas} together.',
  },
  beforeDate: { vi: 'trước {date}', en: 'before {date}' },
  trendComposedOf: {
    vi: 'Trước {date}, địa bàn này chưa có: các quý trước đó là số liệu của {areas} gộp lại.',
    en: 'Before {date} this area did not exist: the quarters before are those of {areas} together.',
  },
  noSnapshots: {
    vi: 'Chưa có bản chụp số liệu nào cho địa bàn này.',
    en: 'No statistics snapshots for this area yet.',
  },
  catalogueUsed: { vi: 'Bộ tiêu chí: {title}', en: 'Criteria: {title}' },
} as const;
