import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Localized } from '../api/types.ts';
import { en, fr, nl } from './locales/index.ts';

export const languages = ['nl', 'fr', 'en'] as const;
export type Language = (typeof languages)[number];

/** BCP 47 tag for <html lang> and Intl formatting. */
export const languageTags: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en' };
/** Each language named in itself, for the language switch. */
export const languageNames: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export const storageKey = 'koers.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(value) ? value : 'nl';
  } catch {
    return 'nl'; // storage can be blocked; Dutch is the default
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nl';
}

export function currentLanguageTag(): string {
  return languageTags[currentLanguage()];
}

/** Picks the current language's text from a server-provided {nl, fr, en} object. */
export function pick(text: Localized, language: Language = currentLanguage()): string {
  return text[language] || text.nl || text.en || text.fr;
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // the choice then lasts for this page only
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', () => {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguageTag(); // not in unit tests
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...languages],
  initAsync: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false }, // React escapes
});

export default i18n;
