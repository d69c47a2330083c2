import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accountMessages } from './messages/accounts.js';
import { recordMessages } from './messages/records.js';
import { reorganisationMessages } from './messages/reorganisation.js';

export type Language = 'vi' | 'en';

// Every text of the UI, in both languages. Vietnamese is the default.
const baseMessages = {
  appTitle: { vi: 'An Toàn', en: 'An Toàn' },
  appSubtitle: {
    vi: 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
    en: 'All People Protect National Security movement',
  },
  areas: { vi: 'Địa bàn', en: 'Areas' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  sessionExpired: {
    vi: 'Phiên làm việc đã hết hạn. Đăng nhập lại để tiếp tục; nội dung đang nhập vẫn được giữ.',
    en: 'Your session has expired. Sign in again to continue; what you were typing is kept.',
  },
  units: { vi: 'Đơn vị', en: 'Units' },
  allUnits: { vi: 'Tất cả đơn vị', en: 'All units' },
  searchUnits: { vi: 'Tìm đơn vị (không cần dấu)', en: 'Search units (accents optional)' },
  type: { vi: 'Loại', en: 'Type' },
  allTypes: { vi: 'Tất cả loại', en: 'All types' },
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Mã', en: 'Code' },
  area: { vi: 'Địa bàn', en: 'Area' },
  managingLevel: { vi: 'Cấp quản lý', en: 'Managed by' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  noUnits: { vi: 'Không có đơn vị nào phù hợp.', en: 'No units match.' },
  noAreas: { vi: 'Chưa có địa bàn nào.', en: 'No areas yet.' },
  noData: { vi: 'Chưa có dữ liệu.', en: 'No data yet.' },
  unitsCount: { vi: '{shown}/{total} đơn vị', en: '{shown} of {total} {total|unit|units}' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  dismiss: { vi: 'Đóng', en: 'Dismiss' },
  clear: { vi: 'Xóa nội dung', en: 'Clear' },
  prevMonth: { vi: 'Tháng trước', en: 'Previous month' },
  nextMonth: { vi: 'Tháng sau', en: 'Next month' },
  prevYear: { vi: 'Năm trước', en: 'Previous year' },
  nextYear: { vi: 'Năm sau', en: 'Next year' },
  prevDecade: { vi: 'Thập kỷ trước', en: 'Previous decade' },
  nextDecade: { vi: 'Thập kỷ sau', en: 'Next decade' },
  chooseMonth: { vi: 'Chọn tháng', en: 'Choose the month' },
  chooseYear: { vi: 'Chọn năm', en: 'Choose the year' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  save: { vi: 'Lưu', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  add: { vi: 'Thêm', en: 'Add' },
  delete: { vi: 'Xóa', en: 'Delete' },
  edit: { vi: 'Sửa', en: 'Edit' },
  open: { vi: 'Mở', en: 'Open' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  error: { vi: 'Lỗi', en: 'Error' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  invalidDate: { vi: 'Ngày không hợp lệ (dd/mm/yyyy)', en: 'Not a valid date (dd/mm/yyyy)' },
  treeAsOf: { vi: 'Cây địa bàn ngày {date}', en: 'Area tree as of {date}' },
  chooseArea: { vi: 'Chọn địa bàn', en: 'Choose an area' },
  searchAreas: { vi: 'Tìm địa bàn (không cần dấu)', en: 'Search areas (accents optional)' },
  noAreaMatch: { vi: 'Không có địa bàn nào phù hợp.', en: 'No area matches.' },
  wholeScope: { vi: 'Toàn bộ phạm vi', en: 'Whole scope' },
  year: { vi: 'Năm', en: 'Year' },
  mainNavigation: { vi: 'Điều hướng chính', en: 'Main navigation' },
  nav_dashboard: { vi: 'Tổng quan', en: 'Dashboard' },
  nav_units: { vi: 'Đơn vị', en: 'Units' },
  nav_models: { vi: 'Mô hình', en: 'Models' },
  nav_awards: { vi: 'Khen thưởng', en: 'Awards' },
  nav_incidents: { vi: 'Vụ việc', en: 'Incidents' },
  nav_reports: { vi: 'Báo cáo quý', en: 'Quarterly reports' },
  nav_inbox: { vi: 'Hộp thư', en: 'Inbox' },
  nav_import: { vi: 'Nhập, xuất dữ liệu', en: 'Import and export' },
  nav_catalogue: { vi: 'Danh mục tiêu chí', en: 'Criteria catalogues' },
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
  openMenu: { vi: 'Thanh điều hướng', en: 'Navigation menu' },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to the main content' },
  unitNotFound: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  backToUnits: { vi: 'Về danh sách đơn vị', en: 'Back to the units' },
  prevPage: { vi: 'Trang trước', en: 'Previous page' },
  nextPage: { vi: 'Trang sau', en: 'Next page' },
  pageN: { vi: 'Trang {page}', en: 'Page {page}' },
  // Dashboard
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
  yoyComposedOf: {
    vi: 'Địa bàn này chưa có vào năm {year}: số liệu năm {year} là của {areas} gộp lại.',
    en: 'This area did not exist in {year}: the {year} figures are those of {areas} together.',
  },
  beforeDate: { vi: 'trước {date}', en: 'before {date}' },
  noSnapshots: {
    vi: 'Chưa có bản chụp số liệu nào cho địa bàn này.',
    en: 'No statistics snapshots for this area yet.',
  },
  catalogueUsed: { vi: 'Bộ tiêu chí: {title}', en: 'Criteria: {title}' },
  // Unit page
  unitHistory: { vi: 'Lịch sử qua các năm', en: 'History across years' },
  noHistory: { vi: 'Đơn vị chưa có hồ sơ năm nào.', en: 'The unit has no file for any year yet.' },
  status: { vi: 'Trạng thái', en: 'Status' },
  result: { vi: 'Kết quả', en: 'Result' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  assessment: { vi: 'Hồ sơ đánh giá', en: 'Assessment' },
  gradingSheet: { vi: 'Phiếu chấm điểm', en: 'Grading sheet' },
  openAssessment: { vi: 'Mở hồ sơ năm {year}', en: 'Open the {year} file' },
  // Assessment
  assessmentTitle: { vi: 'Hồ sơ {unit} năm {year}', en: '{unit}: {year} file' },
  liveResult: { vi: 'Kết quả tính theo nội dung đang nhập', en: 'Result computed from what is entered' },
  unitValidFrom: {
    vi: 'Hiệu lực từ {date}: được tính từ năm {year}',
    en: 'Exists since {date}: counted from {year}',
  },
  lockedKeepsResult: {
    vi: 'Hồ sơ đã công nhận và đã khóa nên giữ kết quả đã quyết định. Số liệu ghi nhận sau đó cho kết quả khác:',
    en: 'The file is recognised and locked, so it keeps the decided result. Data recorded since give another result:',
  },
  lockedKeepsResultAct: {
    vi: 'Muốn xét lại: mở khóa hồ sơ (có ghi lý do) hoặc thu hồi quyết định.',
    en: 'To act on it: unlock the file (with a reason) or revoke the decision.',
  },
  unsavedChanges: { vi: 'Có thay đổi chưa lưu', en: 'Unsaved changes' },
  draftRestored: { vi: 'Đã khôi phục bản nháp chưa lưu.', en: 'An unsaved draft was restored.' },
  discardDraft: { vi: 'Bỏ bản nháp', en: 'Discard draft' },
  register: { vi: 'Đăng ký năm {year}', en: 'Register for {year}' },
  notRegisteredYet: {
    vi: 'Đơn vị chưa đăng ký xây dựng “An toàn về an ninh, trật tự” năm {year}.',
    en: 'The unit has not registered for {year}.',
  },
  numerator: { vi: 'Tử số', en: 'Numerator' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  minimumShare: { vi: 'Tối thiểu {share}%', en: 'At least {share}%' },
  evidenceNote: { vi: 'Ghi chú minh chứng', en: 'Evidence note' },
  evidenceLinks: { vi: 'Liên kết minh chứng (mỗi dòng một liên kết)', en: 'Evidence links (one per line)' },
  computedCriterion: {
    vi: 'Tiêu chí tính từ dữ liệu (không nhập tay).',
    en: 'Computed from data (not entered by hand).',
  },
  computedFromReports: {
    vi: 'So sánh số liệu báo cáo quý của kỳ này với kỳ trước (tự tính).',
    en: "Compares this window's quarterly report counts with the previous window's (computed).",
  },
  noSuchBody: { vi: 'Đơn vị không có lực lượng này', en: 'The unit has no such body' },
  criterionToReview: {
    vi: 'Tiêu chí đã được sửa theo văn bản pháp luật: cần trả lời lại.',
    en: 'This criterion was corrected to match the law: answer it again.',
  },
  legacyAnswer: { vi: 'Câu trả lời trước khi sửa: {answer}', en: 'Answer before the correction: {answer}' },
  exception: { vi: 'Ngoại lệ (không tính vụ việc)', en: 'Exception (the incident does not count)' },
  notCounted: { vi: 'không tính', en: 'not counted' },
  incidentsAgainst: { vi: 'Vụ việc trong kỳ đánh giá ({from} – {to})', en: 'Incidents in the window ({from} – {to})' },
  noIncidents: { vi: 'Không có vụ việc nào trong kỳ.', en: 'No incidents in the window.' },
  recordIncident: { vi: 'Ghi nhận vụ việc', en: 'Record an incident' },
  occurredOn: { vi: 'Ngày xảy ra', en: 'Date' },
  item: { vi: 'Điểm', en: 'Item' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  description: { vi: 'Mô tả', en: 'Description' },
  workflow: { vi: 'Quy trình', en: 'Workflow' },
  noActions: { vi: 'Bạn không có thao tác nào ở trạng thái này.', en: 'No action is open to you in this state.' },
  locked: { vi: 'Hồ sơ đã công nhận và bị khóa.', en: 'The file is recognised and locked.' },
  unlock: { vi: 'Mở khóa', en: 'Unlock' },
  unlockReason: { vi: 'Lý do mở khóa', en: 'Reason for unlocking' },
  note: { vi: 'Ghi chú', en: 'Note' },
  decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
  decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  decisionAuthority: { vi: 'Cơ quan ban hành', en: 'Issuing authority' },
  certificateNumber: { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
  revokeReason: { vi: 'Lý do thu hồi', en: 'Reason' },
  revokeDocument: { vi: 'Văn bản thu hồi', en: 'Revoking document' },
  action_register: { vi: 'Đăng ký', en: 'Register' },
  action_selfAssess: { vi: 'Hoàn thành tự đánh giá', en: 'Complete self-assessment' },
  action_submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  action_return: { vi: 'Trả lại để bổ sung', en: 'Return for changes' },
  action_appraise: { vi: 'Thẩm định', en: 'Appraise' },
  action_recognise: { vi: 'Công nhận', en: 'Recognise' },
  action_reject: { vi: 'Không công nhận', en: 'Reject' },
  action_revoke: { vi: 'Thu hồi công nhận', en: 'Revoke' },
  actionDone: { vi: 'Đã cập nhật trạng thái: {status}.', en: 'Status updated: {status}.' },
  // Grading
  selfScore: { vi: 'Tự chấm', en: 'Self score' },
  verifiedScore: { vi: 'Thẩm định', en: 'Verified' },
  maxScore: { vi: 'Điểm tối đa', en: 'Max' },
  totalScore: { vi: 'Tổng điểm', en: 'Total' },
  grade: { vi: 'Xếp loại', en: 'Grade' },
  deductions: { vi: 'Điểm trừ', en: 'Deductions' },
  noSheet: { vi: 'Loại đơn vị này không có phiếu chấm điểm.', en: 'This unit type has no grading sheet.' },
  // Records
  date: { vi: 'Ngày', en: 'Date' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  chooseUnit: { vi: 'Chọn đơn vị', en: 'Choose a unit' },
  inbox: { vi: 'Hộp thư', en: 'Inbox' },
  unreadOnly: { vi: 'Chỉ thư chưa đọc', en: 'Unread only' },
  markRead: { vi: 'Đánh dấu đã đọc', en: 'Mark as read' },
  noNotifications: { vi: 'Không có thông báo nào.', en: 'No notifications.' },
  notFound: { vi: 'Không tìm thấy trang này.', en: 'Page not found.' },
  backHome: { vi: 'Về trang tổng quan', en: 'Back to the dashboard' },
  // Import and export
  importTitle: { vi: 'Nhập địa bàn và đơn vị từ tệp', en: 'Import areas and units from a file' },
  importHelp: {
    vi: 'Tệp XLSX hoặc CSV (UTF-8) theo mẫu. Chạy thử trước: không có gì được ghi cho đến khi bạn bấm “Nhập dữ liệu”, và chỉ khi tệp không còn lỗi. Các dòng được đối chiếu theo mã: nhập lại cùng một tệp không thay đổi gì.',
    en: 'An XLSX or CSV (UTF-8) file following the template. Dry-run first: nothing is written until you press “Import”, and only when the file has no errors. Rows match by code: importing the same file again changes nothing.',
  },
  templateXlsx: { vi: 'Tải mẫu XLSX', en: 'Download the XLSX template' },
  templateCsvUnits: { vi: 'Mẫu CSV đơn vị', en: 'Units CSV template' },
  templateCsvAreas: { vi: 'Mẫu CSV địa bàn', en: 'Areas CSV template' },
  chooseFile: { vi: 'Chọn tệp (.xlsx, .csv)', en: 'Choose a file (.xlsx, .csv)' },
  dryRun: { vi: 'Chạy thử', en: 'Dry run' },
  importNow: { vi: 'Nhập dữ liệu', en: 'Import' },
  importDone: {
    vi: 'Đã nhập: {created} tạo mới, {updated} cập nhật.',
    en: 'Imported: {created} created, {updated} updated.',
  },
  importNothing: {
    vi: 'Không có gì thay đổi: tệp trùng với dữ liệu đã có.',
    en: 'Nothing to change: the file matches the stored data.',
  },
  importErrors: {
    vi: '{count} lỗi — sửa tệp rồi chạy thử lại',
    en: '{count} {count|error|errors} — fix the file and run again',
  },
  importNoErrors: { vi: 'Không có lỗi.', en: 'No errors.' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  column: { vi: 'Cột', en: 'Column' },
  message: { vi: 'Nội dung lỗi', en: 'What is wrong' },
  toCreate: { vi: 'Tạo mới', en: 'To create' },
  toUpdate: { vi: 'Cập nhật', en: 'To update' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
  table_areas: { vi: 'Địa bàn', en: 'Areas' },
  table_units: { vi: 'Đơn vị', en: 'Units' },
  changes: { vi: 'Thay đổi', en: 'Changes' },
  listTruncated: { vi: 'Danh sách dài, chỉ hiện 1.000 dòng đầu.', en: 'Long list: the first 1,000 rows are shown.' },
  fileTooLarge: { vi: 'Tệp quá lớn (tối đa 10 MB).', en: 'The file is too large (at most 10 MB).' },
  reading: { vi: 'Đang đọc tệp…', en: 'Reading the file…' },
  exportTitle: { vi: 'Xuất dữ liệu và báo cáo ({area}, năm {year})', en: 'Exports and report ({area}, {year})' },
  export_statistics: { vi: 'Bảng thống kê (XLSX)', en: 'Statistics table (XLSX)' },
  export_units: { vi: 'Danh sách đơn vị và kết quả (XLSX)', en: 'Units with results (XLSX)' },
  export_assessments: { vi: 'Chi tiết đánh giá theo tiêu chí (XLSX)', en: 'Assessment details per criterion (XLSX)' },
  export_models: { vi: 'Mô hình (XLSX)', en: 'Models (XLSX)' },
  export_awards: { vi: 'Khen thưởng (XLSX)', en: 'Awards (XLSX)' },
  printReport: { vi: 'Báo cáo năm để in (A4)', en: 'Printable annual report (A4)' },
  importNotAllowed: {
    vi: 'Chỉ quản trị viên và cán bộ tỉnh, huyện được nhập dữ liệu.',
    en: 'Only administrators and province or district officers may import.',
  },
  level_commune: { vi: 'Xã', en: 'Commune' },
  level_district: { vi: 'Huyện', en: 'District' },
  level_province: { vi: 'Tỉnh', en: 'Province' },
  kind_tinh: { vi: 'Tỉnh', en: 'Province' },
  'kind_thanh-pho-tw': { vi: 'Thành phố trực thuộc TƯ', en: 'Centrally-run city' },
  kind_huyen: { vi: 'Huyện', en: 'District' },
  'kind_thi-xa': { vi: 'Thị xã', en: 'Town' },
  'kind_thanh-pho': { vi: 'Thành phố', en: 'City' },
  kind_quan: { vi: 'Quận', en: 'Urban district' },
  kind_xa: { vi: 'Xã', en: 'Commune' },
  kind_phuong: { vi: 'Phường', en: 'Ward' },
  'kind_thi-tran': { vi: 'Thị trấn', en: 'Township' },
  'kind_dac-khu': { vi: 'Đặc khu', en: 'Special zone' },
} as const;

const messages = { ...baseMessages, ...recordMessages, ...accountMessages, ...reorganisationMessages };

export type MessageKey = keyof typeof messages;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** dd/mm/yyyy, as Vietnamese administration writes dates. */
  formatDate: (isoDate: string) => string;
  /** 'HH:mm dd/mm/yyyy' in Vietnam. */
  formatDateTime: (isoTimestamp: string) => string;
  formatNumber: (value: number) => string;
  /** A text the domain gives in both languages, in the user's. */
  l: (text: { vi: string; en: string }) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const STORAGE_KEY = 'antoan.language';

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const numberFormat = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
    return {
      language,
      setLanguage,
      // `{count|report|reports}` picks the singular when `count` is 1 (English plurals; Vietnamese has none).
      t: (key, params) =>
        messages[key][language]
          .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) =>
            Number(String(params?.[name] ?? '').replace(/[\s.,]/g, '')) === 1 ? one : other,
          )
          .replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)),
      formatDate: (iso) => {
        // A timestamp is shown as the date in Vietnam (UTC+7, no daylight saving).
        const day = iso.length > 10 ? new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10) : iso;
        const [y, m, d] = day.split('-');
        return `${d}/${m}/${y}`;
      },
      formatDateTime: (iso) => {
        const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
        return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
      },
      formatNumber: (n) => numberFormat.format(n),
      l: (text) => text[language],
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
