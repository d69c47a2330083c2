// Texts of the record pages (grading, models, awards, incidents, quarterly reports, inbox), in both languages.
// Keys start with `rec_` so that they never shadow a key of the base dictionary.
export const recordMessages = {
  // Shared
  rec_searchUnit: { vi: 'Gõ tên hoặc mã đơn vị (không cần dấu)', en: 'Type a unit name or code (accents optional)' },
  rec_noUnitMatch: { vi: 'Không có đơn vị nào phù hợp.', en: 'No unit matches.' },
  rec_noMatch: { vi: 'Không có mục nào khớp với từ khóa tìm kiếm.', en: 'Nothing matches the search.' },
  rec_shownCount: { vi: 'Hiển thị {shown}/{total}', en: 'Showing {shown} of {total}' },
  rec_actions: { vi: 'Thao tác', en: 'Actions' },
  rec_sheetLocked: {
    vi: 'Hồ sơ năm này đã được công nhận và bị khóa, nên phiếu chấm điểm chỉ để xem. Muốn sửa, cần mở khóa hồ sơ (có ghi nhật ký).',
    en: "This year's file is recognised and locked, so the grading sheet is read-only. To change it, unlock the file (audited).",
  },
  rec_readOnlyRole: { vi: 'Vai trò của bạn chỉ được xem phiếu này.', en: 'Your role can only view this sheet.' },

  // Grading sheet
  rec_gradingTitle: {
    vi: 'Phiếu chấm điểm phong trào: {unit}, năm {year}',
    en: 'Movement score sheet: {unit}, {year}',
  },
  rec_openAssessment: { vi: 'Hồ sơ đánh giá năm này', en: 'This year’s assessment file' },
  rec_sheetUpdated: {
    vi: 'Lưu lần cuối ngày {date} (phiên bản {version})',
    en: 'Last saved on {date} (version {version})',
  },
  rec_item: { vi: 'Nội dung chấm', en: 'Item' },
  rec_pointsUsed: { vi: 'Điểm tính', en: 'Counted' },
  rec_groupPoints: { vi: 'Điểm của nhóm', en: 'Points of the group' },
  rec_max: { vi: 'Tối đa', en: 'Max' },
  rec_unverifiedItem: { vi: 'Điểm tối đa chưa đối chiếu văn bản', en: 'Maximum not confirmed against the legal text' },
  rec_unverifiedItems: {
    vi: 'Điểm tối đa của mục có dấu * là mặc định, chưa đối chiếu văn bản.',
    en: 'Maxima marked * are defaults, not confirmed against the legal text.',
  },
  rec_scoreRange: { vi: 'Từ 0 đến {max} điểm', en: 'From 0 to {max} {max|point|points}' },
  rec_gradingSaved: { vi: 'Đã lưu phiếu chấm điểm.', en: 'The score sheet was saved.' },
  rec_conflictTitle: { vi: 'Phiếu đã được thay đổi', en: 'The sheet has changed' },
  rec_reloadSheet: {
    vi: 'Tải lại phiếu mới nhất (bỏ thay đổi chưa lưu)',
    en: 'Load the latest sheet (drop unsaved changes)',
  },
  rec_gradingResult: { vi: 'Kết quả tính theo điểm đang nhập', en: 'Result from the scores entered' },
  rec_itemsTotal: { vi: 'Tổng điểm các mục', en: 'Items total' },
  rec_gradeLowered: {
    vi: 'Đủ điểm xếp loại {band} nhưng chưa đáp ứng điều kiện, nên xếp loại {grade}.',
    en: 'Enough points for {band} but a condition is not met, so graded {grade}.',
  },
  rec_standardMet: {
    vi: 'Đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {year}:',
    en: 'Meets the “Safe in security and order” standard in {year}:',
  },
  rec_preconditions: { vi: 'Điều kiện xếp loại', en: 'Conditions of the grades' },
  rec_conditionMet: { vi: 'đáp ứng', en: 'met' },
  rec_conditionNotMet: { vi: 'chưa đáp ứng', en: 'not met' },
  rec_bands: { vi: 'Mức xếp loại', en: 'Grade bands' },
  rec_unverifiedBands: {
    vi: 'mức mặc định, chưa đối chiếu văn bản',
    en: 'default bands, not confirmed against the legal text',
  },
  rec_explanation: { vi: 'Diễn giải', en: 'Explanation' },
  rec_deductionsTitle: { vi: 'Vụ việc và điểm trừ', en: 'Incidents and deductions' },
  rec_deductionLine: {
    vi: 'Trừ {points} điểm ({code}): {count} vụ việc — {title}',
    en: 'Minus {points} {points|point|points} ({code}): {count} {count|incident|incidents} — {title}',
  },
  rec_deductionRules: { vi: 'Quy tắc trừ điểm của mẫu phiếu', en: 'Deduction rules of the sheet' },
  rec_rulePerIncident: {
    vi: 'trừ {points} điểm mỗi vụ, tối đa {max}',
    en: 'minus {points} {points|point|points} per incident, at most {max}',
  },
  rec_ruleOnce: {
    vi: 'trừ {points} điểm một lần, tối đa {max}',
    en: 'minus {points} {points|point|points} once, at most {max}',
  },

  // Movement models
  rec_modelsTitle: { vi: 'Mô hình phong trào — {area}, năm {year}', en: 'Movement models — {area}, {year}' },
  rec_modelsSummary: {
    vi: '{operating} mô hình hoạt động cuối năm {year}, {newInYear} mô hình xây dựng mới trong năm; {sites} điểm, {teams} tổ, đội.',
    en: '{operating} {operating|model|models} operating at the end of {year}, {newInYear} new that year; {sites} {sites|site|sites}, {teams} {teams|team|teams}.',
  },
  rec_addModel: { vi: 'Thêm mô hình', en: 'Add a model' },
  rec_editModel: { vi: 'Sửa mô hình', en: 'Edit the model' },
  rec_searchModels: {
    vi: 'Tìm mô hình (tên, loại, đơn vị; không cần dấu)',
    en: 'Search models (name, category, unit; accents optional)',
  },
  rec_onlyOperatingIn: { vi: 'Chỉ mô hình hoạt động trong năm {year}', en: 'Only models operating in {year}' },
  rec_noModels: { vi: 'Địa bàn chưa có mô hình nào trong năm này.', en: 'The area has no model in this year.' },
  rec_modelName: { vi: 'Tên mô hình', en: 'Model name' },
  rec_otherCategory: { vi: 'Khác (tự nhập)', en: 'Other (type it)' },
  rec_otherCategoryName: { vi: 'Tên loại mô hình', en: 'Type of model' },
  rec_category: { vi: 'Loại mô hình', en: 'Category' },
  rec_host: { vi: 'Đơn vị chủ trì, địa bàn', en: 'Host unit, area' },
  rec_hostUnit: { vi: 'Đơn vị chủ trì', en: 'Host unit' },
  rec_hostUnitHint: {
    vi: 'Không bắt buộc; đơn vị phải thuộc địa bàn đã chọn.',
    en: 'Optional; the unit must be in the chosen area.',
  },
  rec_startedOn: { vi: 'Ngày bắt đầu', en: 'Started on' },
  rec_stoppedOn: { vi: 'Ngày dừng', en: 'Stopped on' },
  rec_stoppedOnHint: { vi: 'Để trống khi mô hình còn hoạt động.', en: 'Leave empty while the model operates.' },
  rec_sites: { vi: 'Số điểm', en: 'Sites' },
  rec_teams: { vi: 'Số tổ, đội', en: 'Teams' },
  rec_advancedExample: { vi: 'Điển hình tiên tiến', en: 'Advanced example' },
  rec_newInYear: { vi: 'Mới năm {year}', en: 'New in {year}' },
  rec_modelCreated: { vi: 'Đã thêm mô hình.', en: 'The model was added.' },
  rec_modelUpdated: { vi: 'Đã cập nhật mô hình.', en: 'The model was updated.' },

  // Awards
  rec_awardsTitle: { vi: 'Khen thưởng — {area}, năm {year}', en: 'Awards — {area}, {year}' },
  rec_awardsCount: { vi: '{count} khen thưởng', en: '{count} {count|award|awards}' },
  rec_addAward: { vi: 'Thêm khen thưởng', en: 'Add an award' },
  rec_noAwards: { vi: 'Chưa có khen thưởng nào cho năm {year}.', en: 'No award for {year} yet.' },
  rec_awardKind: { vi: 'Hình thức', en: 'Kind' },
  rec_recipient: { vi: 'Tập thể, cá nhân được khen', en: 'Recipient' },
  rec_recipientKind: { vi: 'Khen cho', en: 'Awarded to' },
  rec_recipientNameCollective: { vi: 'Tên tập thể được khen', en: 'Name of the collective' },
  rec_recipientNameIndividual: { vi: 'Họ và tên người được khen', en: 'Full name of the person' },
  rec_recipientUnit: { vi: 'Đơn vị được khen', en: 'Unit awarded' },
  rec_recipientUnitOfPerson: { vi: 'Đơn vị công tác (không bắt buộc)', en: 'Unit of the person (optional)' },
  rec_issuer: { vi: 'Người, cơ quan khen thưởng', en: 'Issued by' },
  rec_awardYear: { vi: 'Năm được khen', en: 'Year awarded for' },
  rec_awardCreated: { vi: 'Đã thêm khen thưởng.', en: 'The award was added.' },
  rec_editAward: { vi: 'Sửa khen thưởng', en: 'Edit the award' },
  rec_awardUpdated: { vi: 'Đã cập nhật khen thưởng.', en: 'The award was updated.' },
  rec_modelDeleted: { vi: 'Đã xóa mô hình.', en: 'The model was deleted.' },
  rec_deleteModelTitle: { vi: 'Xóa mô hình?', en: 'Delete the model?' },
  rec_deleteModelMessage: {
    vi: 'Xóa mô hình “{name}”? Chỉ xóa mô hình nhập nhầm; mô hình đã dừng hoạt động thì ghi ngày dừng. Thao tác này không hoàn tác được.',
    en: 'Delete the model “{name}”? Delete only a model entered by mistake; for one that stopped, enter its stop date. This cannot be undone.',
  },
  rec_awardDeleted: { vi: 'Đã xóa khen thưởng.', en: 'The award was deleted.' },
  rec_deleteAwardTitle: { vi: 'Xóa khen thưởng?', en: 'Delete the award?' },
  rec_deleteAwardMessage: {
    vi: 'Xóa khen thưởng của “{recipient}” theo quyết định số {number}? Thao tác này không hoàn tác được.',
    en: 'Delete the award to “{recipient}” (decision {number})? This cannot be undone.',
  },

  // Incidents
  rec_incidentsTitle: { vi: 'Vụ việc — {area}, năm {year}', en: 'Incidents — {area}, {year}' },
  rec_incidentsWindows: {
    vi: 'Kỳ đánh giá năm {year}: từ {xaFrom} đến {xaTo} (khu dân cư: từ {kdcFrom} đến {kdcTo}).',
    en: 'Evaluation window of {year}: {xaFrom} to {xaTo} (residential areas: {kdcFrom} to {kdcTo}).',
  },
  rec_searchIncidents: {
    vi: 'Tìm vụ việc (đơn vị, tiêu chí, mô tả)',
    en: 'Search incidents (unit, criterion, description)',
  },
  rec_noIncidentsYear: {
    vi: 'Không có vụ việc nào trong kỳ đánh giá năm {year}.',
    en: 'No incident in the evaluation window of {year}.',
  },
  rec_disqualifyingCriterion: { vi: 'Tiêu chí loại trừ bị vi phạm', en: 'Disqualifying criterion' },
  rec_disqualifyingItem: { vi: 'Điểm (nội dung) của tiêu chí', en: 'Item of the criterion' },
  rec_chooseUnitAndDateFirst: { vi: 'Chọn đơn vị và ngày xảy ra trước.', en: 'Choose the unit and the date first.' },
  rec_noDisqualifying: {
    vi: 'Danh mục tiêu chí của năm này không có tiêu chí loại trừ cho loại “{type}”.',
    en: 'The catalogue of this year has no disqualifying criterion for “{type}”.',
  },
  rec_countsToward: {
    vi: 'Vụ việc tính vào kỳ đánh giá năm {year} ({from} – {to}).',
    en: 'Counts toward the evaluation window of {year} ({from} – {to}).',
  },
  rec_incidentCreated: { vi: 'Đã ghi nhận vụ việc.', en: 'The incident was recorded.' },
  rec_incidentDeleted: { vi: 'Đã xóa vụ việc.', en: 'The incident was deleted.' },
  rec_deleteIncidentTitle: { vi: 'Xóa vụ việc?', en: 'Delete the incident?' },
  rec_deleteIncidentMessage: {
    vi: 'Xóa vụ việc ngày {date} ({code}) của {unit}? Kết quả đánh giá của đơn vị sẽ được tính lại.',
    en: 'Delete the incident of {date} ({code}) at {unit}? The unit’s result will be computed again.',
  },

  // Quarterly reports
  rec_reportsTitle: { vi: 'Báo cáo quý — {area}, năm {year}', en: 'Quarterly reports — {area}, {year}' },
  rec_reportFormTitle: { vi: 'Nhập báo cáo quý năm {year}', en: 'File a quarterly report for {year}' },
  rec_quarter: { vi: 'Quý', en: 'Quarter' },
  rec_quarterN: { vi: 'Quý {quarter}', en: 'Q{quarter}' },
  rec_quarterPeriod: {
    vi: 'Kỳ số liệu {from} – {to}; hạn nộp {due}.',
    en: 'Figures from {from} to {to}; due on {due}.',
  },
  rec_reportExists: {
    vi: 'Đơn vị đã nộp báo cáo quý này lúc {date}. Nộp lại sẽ thay thế số liệu cũ.',
    en: 'The unit filed this quarter’s report at {date}. Filing again replaces it.',
  },
  rec_loadSubmitted: { vi: 'Dùng số liệu đã nộp', en: 'Use the filed figures' },
  rec_submitReport: { vi: 'Nộp báo cáo', en: 'File the report' },
  rec_resubmitReport: { vi: 'Nộp lại báo cáo', en: 'File the report again' },
  rec_clearForm: { vi: 'Xóa nội dung đang nhập', en: 'Clear the form' },
  rec_reportSubmitted: { vi: 'Đã nộp báo cáo quý.', en: 'The quarterly report was filed.' },
  rec_reportsOfYear: { vi: 'Báo cáo đã nộp năm {year}', en: 'Reports filed for {year}' },
  rec_reportsSummary: {
    vi: '{count} báo cáo của {units} đơn vị: {onTime} đúng hạn, {late} nộp muộn.',
    en: '{count} {count|report|reports} from {units} {units|unit|units}: {onTime} on time, {late} late.',
  },
  rec_noReports: { vi: 'Chưa có báo cáo nào được nộp cho năm {year}.', en: 'No report has been filed for {year}.' },
  rec_dueOn: { vi: 'hạn {date}', en: 'due {date}' },
  rec_onTime: { vi: 'Đúng hạn', en: 'On time' },
  rec_late: { vi: 'Muộn', en: 'Late' },
  rec_submittedAt: { vi: 'Nộp lúc {date}', en: 'Filed at {date}' },
  rec_openReport: { vi: 'Mở báo cáo quý {quarter} của {unit}', en: 'Open the Q{quarter} report of {unit}' },
  rec_pages: { vi: 'Trang', en: 'Pages' },
  rec_dueDateNote: {
    vi: 'Hạn nộp tính theo cài đặt mặc định (ngày 20 của tháng cuối quý); cài đặt riêng của tỉnh không hiển thị ở đây.',
    en: 'Due dates follow the default settings (the 20th of the quarter’s last month); a province’s own settings are not shown here.',
  },

  // Inbox
  rec_unreadCount: { vi: '{count} thông báo chưa đọc', en: '{count} unread' },
  rec_unread: { vi: 'Chưa đọc', en: 'Unread' },
  rec_readAt: { vi: 'đã đọc lúc {date}', en: 'read at {date}' },
  rec_noUnread: { vi: 'Không có thông báo nào chưa đọc.', en: 'No unread notifications.' },
  rec_inboxLimit: {
    vi: 'Chỉ hiển thị {count} thông báo mới nhất.',
    en: 'Only the newest {count} notifications are shown.',
  },
} as const;
