import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type MessageKey } from './messages/index.js';

export type Language = 'vi' | 'en';

export type { MessageKey };

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
