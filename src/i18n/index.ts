/**
 * i18n: zh-CN and en. The language defaults to the browser's and is remembered in localStorage.
 * Domains bring their own messages, registered as namespaces by the app.
 */
import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type AppLanguage = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'cityops.language';
export const COMMON_NS = 'common';

export function toAppLanguage(detected: string | undefined): AppLanguage {
  return detected?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function initI18n(instance: I18n = i18next): Promise<I18n> {
  await instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { [COMMON_NS]: en }, 'zh-CN': { [COMMON_NS]: zhCN } },
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      defaultNS: COMMON_NS,
      ns: [COMMON_NS],
      interpolation: { escapeValue: false }, // React escapes; text is never HTML.
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: toAppLanguage,
      },
      returnNull: false,
    });
  return instance;
}

export function addNamespace(
  instance: I18n,
  namespace: string,
  messages: Record<AppLanguage, Record<string, unknown>>,
): void {
  for (const language of LANGUAGES) {
    instance.addResourceBundle(language, namespace, messages[language], true, true);
  }
}

export function currentLanguage(instance: I18n): AppLanguage {
  return toAppLanguage(instance.resolvedLanguage ?? instance.language);
}

export { en, zhCN };
