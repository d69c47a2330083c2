import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Language = 'vi' | 'en';

// Every text of the UI, in both languages. Vietnamese is the default.
const messages = {
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
  units: { vi: 'Đơn vị', en: 'Units' },
  allUnits: { vi: 'Tất cả đơn vị', en: 'All units' },
  searchUnits: { vi: 'Tìm đơn vị (không cần dấu)', en: 'Search units (accents optional)' },
  type: { vi: 'Loại', en: 'Type' },
  allTypes: { vi: 'Tất cả loại', en: 'All types' },
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Mã', en: 'Code' },
  managingLevel: { vi: 'Cấp quản lý', en: 'Managed by' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  noUnits: { vi: 'Không có đơn vị nào phù hợp.', en: 'No units match.' },
  noAreas: { vi: 'Chưa có địa bàn nào.', en: 'No areas yet.' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  pageOf: { vi: 'Trang {page}/{pages} · {total} đơn vị', en: 'Page {page} of {pages} · {total} units' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  dismiss: { vi: 'Đóng', en: 'Dismiss' },
  treeAsOf: { vi: 'Cây địa bàn ngày {date}', en: 'Area tree as of {date}' },
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

export type MessageKey = keyof typeof messages;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** dd/mm/yyyy, as Vietnamese administration writes dates. */
  formatDate: (isoDate: string) => string;
  formatNumber: (value: number) => string;
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
      t: (key, params) =>
        messages[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)),
      formatDate: (iso) => {
        const [y, m, d] = iso.split('-');
        return `${d}/${m}/${y}`;
      },
      formatNumber: (n) => numberFormat.format(n),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
