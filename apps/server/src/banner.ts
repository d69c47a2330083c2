// The first start's sign-in, printed as the last thing the server writes once it listens: the address, the
// user and its one-time password, framed so that it stands out of the build and start-up output above it.

export interface FirstSignIn {
  url: string;
  username: string;
  /** The generated one-time password; undefined when ADMIN_PASSWORD chose it (then it is not printed). */
  password: string | undefined;
}

/** The framed sign-in lines (Vietnamese first, then English). */
export function firstSignInBanner(signIn: FirstSignIn): string {
  const password = signIn.password ?? '(ADMIN_PASSWORD)';
  const lines = [
    'Đăng nhập lần đầu / First sign-in',
    '',
    `Địa chỉ / Address:     ${signIn.url}`,
    `Tài khoản / User:      ${signIn.username}`,
    `Mật khẩu / Password:   ${password}`,
    '',
    ...(signIn.password === undefined
      ? ['Mật khẩu đặt bằng ADMIN_PASSWORD. / The password set by ADMIN_PASSWORD.']
      : [
          'Mật khẩu dùng một lần, chỉ in lần này: đăng nhập và đổi ngay.',
          'A one-time password, printed only now: sign in and change it.',
        ]),
  ];
  const width = Math.max(...lines.map((l) => [...l].length));
  const rule = '═'.repeat(width + 4);
  return [`╔${rule}╗`, ...lines.map((l) => `║  ${l}${' '.repeat(width - [...l].length)}  ║`), `╚${rule}╝`].join('\n');
}
