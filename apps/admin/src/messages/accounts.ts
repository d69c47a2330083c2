// Texts of the account pages (users, my account, the forced password change, the audit log), in both
// languages. Keys start with `acc_` so that they never shadow a key of another dictionary.
export const accountMessages = {
  nav_users: { vi: 'Người dùng', en: 'Users' },
  nav_audit: { vi: 'Nhật ký thao tác', en: 'Audit log' },
  nav_account: { vi: 'Tài khoản của tôi', en: 'My account' },
  nav_myUnit: { vi: 'Đơn vị của tôi', en: 'My unit' },
  acc_notForRole: {
    vi: 'Trang này dành cho cán bộ phụ trách địa bàn; người báo cáo của đơn vị xem hồ sơ, báo cáo và thông báo của đơn vị mình.',
    en: "This page is for the officers of an area; a unit reporter sees their own unit's files, reports and notices.",
  },

  // My account and the password form
  acc_myAccount: { vi: 'Tài khoản của tôi', en: 'My account' },
  acc_role: { vi: 'Vai trò', en: 'Role' },
  acc_changePassword: { vi: 'Đổi mật khẩu', en: 'Change the password' },
  acc_currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  acc_oneTimePasswordField: { vi: 'Mật khẩu dùng một lần', en: 'One-time password' },
  acc_newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  acc_newPasswordHint: {
    vi: 'Ít nhất {min} ký tự; nên dùng một câu dễ nhớ.',
    en: 'At least {min} characters; a sentence you remember works well.',
  },
  acc_repeatPassword: { vi: 'Nhập lại mật khẩu mới', en: 'Repeat the new password' },
  acc_passwordsDiffer: { vi: 'Hai lần nhập không khớp', en: 'The two entries differ' },
  acc_passwordChanged: {
    vi: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.',
    en: 'The password was changed. Your other sessions have ended.',
  },
  acc_mustChangeTitle: { vi: 'Đặt mật khẩu của bạn', en: 'Choose your password' },
  acc_mustChangeText: {
    vi: 'Bạn đang dùng mật khẩu dùng một lần. Hãy đặt mật khẩu của riêng bạn để tiếp tục làm việc.',
    en: 'You signed in with a one-time password. Choose your own password to go on.',
  },
  acc_signedInAs: { vi: 'Đăng nhập với tên {name} ({username})', en: 'Signed in as {name} ({username})' },
  acc_sessions: { vi: 'Phiên đăng nhập', en: 'Sessions' },
  acc_signOutEverywhereHint: {
    vi: 'Quên đăng xuất trên máy khác hoặc mất điện thoại? Kết thúc mọi phiên đăng nhập của bạn, kể cả phiên này.',
    en: 'Left a session open elsewhere or lost a phone? End every session of yours, this one included.',
  },
  acc_signOutEverywhere: { vi: 'Đăng xuất khỏi mọi thiết bị', en: 'Sign out everywhere' },
  acc_signOutEverywhereConfirm: {
    vi: 'Mọi trình duyệt đang đăng nhập bằng tài khoản này (kể cả trình duyệt này) sẽ phải đăng nhập lại.',
    en: 'Every browser signed in with this account (this one included) will have to sign in again.',
  },

  // Users
  acc_usersTitle: { vi: 'Người dùng', en: 'Users' },
  acc_usersScope: { vi: 'Các tài khoản thuộc {area}', en: 'Accounts of {area}' },
  acc_allAccounts: { vi: 'Tất cả tài khoản', en: 'Every account' },
  acc_addUser: { vi: 'Thêm người dùng', en: 'Add a user' },
  acc_editUser: { vi: 'Sửa người dùng', en: 'Edit the user' },
  acc_searchUsers: {
    vi: 'Tìm theo tên, tên đăng nhập, địa bàn (không cần dấu)',
    en: 'Search by name, username, area (accents optional)',
  },
  acc_allRoles: { vi: 'Mọi vai trò', en: 'Every role' },
  acc_displayName: { vi: 'Họ tên hoặc tên đơn vị', en: 'Name' },
  acc_usernameHint: {
    vi: '3–50 ký tự a–z, 0–9, dấu chấm, gạch ngang; không đổi được sau này.',
    en: '3–50 characters a–z, 0–9, dot, dash; cannot be changed later.',
  },
  acc_email: { vi: 'Thư điện tử', en: 'E-mail' },
  acc_emailHint: { vi: 'Để nhận nhắc việc qua thư (không bắt buộc).', en: 'For reminders by mail (optional).' },
  acc_areaHint: {
    vi: 'Người dùng chỉ thấy dữ liệu của địa bàn này và các địa bàn trực thuộc.',
    en: 'The user sees this area and the areas under it only.',
  },
  acc_unitHint: { vi: 'Đơn vị mà người này báo cáo.', en: 'The unit this person reports for.' },
  acc_status: { vi: 'Trạng thái', en: 'Status' },
  acc_active: { vi: 'Đang hoạt động', en: 'Active' },
  acc_disabled: { vi: 'Đã khóa', en: 'Disabled' },
  acc_pendingChange: { vi: 'Chờ đổi mật khẩu', en: 'Must change password' },
  acc_you: { vi: 'bạn', en: 'you' },
  acc_noUsers: { vi: 'Chưa có tài khoản nào.', en: 'No accounts yet.' },
  acc_disable: { vi: 'Khóa', en: 'Disable' },
  acc_enable: { vi: 'Mở khóa', en: 'Enable' },
  acc_resetPassword: { vi: 'Đặt lại mật khẩu', en: 'Reset the password' },
  acc_disableConfirm: {
    vi: 'Khóa tài khoản {name}? Mọi phiên đăng nhập của người này kết thúc ngay; có thể mở khóa lại sau.',
    en: 'Disable the account of {name}? Their sessions end at once; it can be enabled again later.',
  },
  acc_enableConfirm: { vi: 'Mở khóa tài khoản {name}?', en: 'Enable the account of {name}?' },
  acc_resetConfirm: {
    vi: 'Đặt lại mật khẩu của {name}? Mật khẩu cũ hết hiệu lực, các phiên đăng nhập kết thúc; bạn nhận một mật khẩu dùng một lần để trao cho người này.',
    en: 'Reset the password of {name}? The old password stops working and their sessions end; you get a one-time password to hand over.',
  },
  acc_userCreated: { vi: 'Đã tạo tài khoản {username}.', en: 'The account {username} was created.' },
  acc_userUpdated: { vi: 'Đã lưu tài khoản {username}.', en: 'The account {username} was saved.' },
  acc_userDisabled: { vi: 'Đã khóa tài khoản {username}.', en: 'The account {username} was disabled.' },
  acc_userEnabled: { vi: 'Đã mở khóa tài khoản {username}.', en: 'The account {username} was enabled.' },
  acc_oneTimeTitle: { vi: 'Mật khẩu dùng một lần của {username}', en: 'One-time password of {username}' },
  acc_oneTimeText: {
    vi: 'Mật khẩu này chỉ hiện một lần. Hãy trao trực tiếp cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập đầu tiên.',
    en: 'This password is shown once. Hand it to the user in person; they must change it at their first sign-in.',
  },
  acc_copy: { vi: 'Sao chép', en: 'Copy' },
  acc_copied: { vi: 'Đã sao chép', en: 'Copied' },
  acc_done: { vi: 'Đã ghi lại, đóng', en: 'Noted, close' },

  // The cycle's confirmations
  wf_confirm: {
    vi: '{action} hồ sơ năm {year} của {unit}? Sau bước này hồ sơ chuyển cho cấp tiếp theo xem xét.',
    en: '{action}: the {year} file of {unit}? After this step the file goes to the next level.',
  },
  wf_emptyFile: {
    vi: 'Hồ sơ chưa có câu trả lời nào: mọi tiêu chí đều chưa có số liệu và kết quả sẽ là “Chưa đạt”. Vẫn tiếp tục bước “{action}”?',
    en: 'The file has no answer at all: every criterion lacks figures and the result will be “Not met”. Go on with “{action}” anyway?',
  },
  wf_confirmRegister: {
    vi: 'Đăng ký {unit} xây dựng “An toàn về an ninh, trật tự” năm {year}? Đơn vị sẽ được tính vào số liệu đăng ký của địa bàn.',
    en: 'Register {unit} for the “Safe in security and order” standard in {year}? The unit then counts among the area’s registrations.',
  },
  wf_confirmButton: { vi: 'Xác nhận', en: 'Confirm' },
  wf_reportsLink: { vi: 'Xem báo cáo quý của địa bàn', en: "See the area's quarterly reports" },

  // Audit log
  acc_auditTitle: { vi: 'Nhật ký thao tác', en: 'Audit log' },
  acc_auditHelp: {
    vi: 'Mọi thay đổi dữ liệu, ai làm và lúc nào, mới nhất trước. Bấm một dòng để xem trước và sau khi thay đổi.',
    en: 'Every change of data, who made it and when, newest first. Open a row to see before and after side by side.',
  },
  acc_who: { vi: 'Người thực hiện', en: 'Who' },
  acc_anyone: { vi: 'Mọi người', en: 'Anyone' },
  acc_system: { vi: 'Hệ thống', en: 'System' },
  acc_action: { vi: 'Thao tác', en: 'Action' },
  acc_anyAction: { vi: 'Mọi thao tác', en: 'Any action' },
  acc_entity: { vi: 'Đối tượng', en: 'Record type' },
  acc_anyEntity: { vi: 'Mọi đối tượng', en: 'Any record type' },
  acc_entityId: { vi: 'Mã bản ghi', en: 'Record id' },
  acc_from: { vi: 'Từ ngày', en: 'From' },
  acc_to: { vi: 'Đến ngày', en: 'To' },
  acc_badRange: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'The end date is before the start date' },
  acc_time: { vi: 'Thời điểm', en: 'Time' },
  acc_field: { vi: 'Trường', en: 'Field' },
  acc_before: { vi: 'Trước', en: 'Before' },
  acc_after: { vi: 'Sau', en: 'After' },
  acc_noChangeRecorded: { vi: 'Không ghi nội dung trước và sau.', en: 'No before or after recorded.' },
  acc_noAudit: { vi: 'Không có thao tác nào phù hợp.', en: 'No record matches.' },
  acc_clearFilters: { vi: 'Bỏ lọc', en: 'Clear the filters' },
  acc_showDetails: { vi: 'Xem chi tiết', en: 'Show the details' },
  acc_hideDetails: { vi: 'Ẩn chi tiết', en: 'Hide the details' },
  acc_firstPage: { vi: 'Trang đầu', en: 'First page' },
} as const;
