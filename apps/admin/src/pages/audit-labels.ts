import type { Language } from '../i18n.js';

type Text = { vi: string; en: string };

// What the audit log's codes mean, for people. A code not listed here is shown as it is.

const ACTIONS: Record<string, Text> = {
  'user.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Account edited' },
  'user.disable': { vi: 'Khóa tài khoản', en: 'Account disabled' },
  'user.enable': { vi: 'Mở khóa tài khoản', en: 'Account enabled' },
  'password.change': { vi: 'Đổi mật khẩu', en: 'Password changed' },
  'password.reset': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'session.endAll': { vi: 'Đăng xuất khỏi mọi thiết bị', en: 'Signed out everywhere' },
  'area.create': { vi: 'Tạo địa bàn', en: 'Area created' },
  'area.update': { vi: 'Sửa địa bàn', en: 'Area edited' },
  'import.apply': { vi: 'Nhập dữ liệu từ tệp', en: 'File imported' },
  'unit.recognition': { vi: 'Sửa cấp công nhận của đơn vị', en: 'Unit recognition settings' },
  'assessment.register': { vi: 'Đăng ký xây dựng', en: 'Registered' },
  'assessment.answers': { vi: 'Lưu hồ sơ đánh giá', en: 'Assessment saved' },
  'assessment.selfAssess': { vi: 'Hoàn thành tự đánh giá', en: 'Self-assessment completed' },
  'assessment.submit': { vi: 'Nộp hồ sơ', en: 'File submitted' },
  'assessment.return': { vi: 'Trả lại hồ sơ', en: 'File returned' },
  'assessment.appraise': { vi: 'Thẩm định', en: 'Appraised' },
  'assessment.recognise': { vi: 'Công nhận', en: 'Recognised' },
  'assessment.reject': { vi: 'Không công nhận', en: 'Rejected' },
  'assessment.reopen': { vi: 'Mở lại hồ sơ không được công nhận', en: 'Refused file reopened' },
  'assessment.revoke': { vi: 'Thu hồi công nhận', en: 'Recognition revoked' },
  'assessment.lock': { vi: 'Khóa hồ sơ', en: 'File locked' },
  'assessment.unlock': { vi: 'Mở khóa hồ sơ', en: 'File unlocked' },
  'grading.save': { vi: 'Lưu phiếu chấm điểm', en: 'Grading sheet saved' },
  'incident.create': { vi: 'Ghi nhận vụ việc', en: 'Incident recorded' },
  'incident.delete': { vi: 'Xóa vụ việc', en: 'Incident deleted' },
  'incident.exception': { vi: 'Quyết định ngoại lệ của vụ việc', en: 'Incident exception decided' },
  'report.submit': { vi: 'Nộp báo cáo quý', en: 'Quarterly report filed' },
  'model.create': { vi: 'Thêm mô hình', en: 'Model added' },
  'model.update': { vi: 'Sửa mô hình', en: 'Model edited' },
  'model.delete': { vi: 'Xóa mô hình', en: 'Model deleted' },
  'award.create': { vi: 'Thêm khen thưởng', en: 'Award added' },
  'award.update': { vi: 'Sửa khen thưởng', en: 'Award edited' },
  'award.delete': { vi: 'Xóa khen thưởng', en: 'Award deleted' },
  'snapshot.request': { vi: 'Yêu cầu chụp số liệu', en: 'Snapshot requested' },
  'results.verify': { vi: 'Kiểm tra kết quả lưu', en: 'Stored results checked' },
  'results.repair': { vi: 'Sửa kết quả lưu', en: 'Stored results repaired' },
};

const ENTITIES: Record<string, Text> = {
  user: { vi: 'Tài khoản', en: 'Account' },
  area: { vi: 'Địa bàn', en: 'Area' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  assessment: { vi: 'Hồ sơ đánh giá', en: 'Assessment' },
  grading_sheet: { vi: 'Phiếu chấm điểm', en: 'Grading sheet' },
  incident: { vi: 'Vụ việc', en: 'Incident' },
  quarterly_report: { vi: 'Báo cáo quý', en: 'Quarterly report' },
  model: { vi: 'Mô hình', en: 'Model' },
  award: { vi: 'Khen thưởng', en: 'Award' },
  import: { vi: 'Nhập dữ liệu', en: 'Import' },
  results: { vi: 'Kết quả lưu', en: 'Stored results' },
  unit_result: { vi: 'Kết quả của đơn vị', en: 'Unit result' },
  snapshot_request: { vi: 'Yêu cầu chụp số liệu', en: 'Snapshot request' },
};

/** An audit action in the user's language (the code itself when unknown). */
export const actionLabel = (code: string, language: Language): string => ACTIONS[code]?.[language] ?? code;
/** An audited record type in the user's language (the code itself when unknown). */
export const entityLabel = (code: string, language: Language): string => ENTITIES[code]?.[language] ?? code;
