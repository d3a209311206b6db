import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languageNames, languages, languageTags } from '../i18n/index.ts';

/** Buttons with aria-pressed; each language is named in itself and marked with its own lang. */
export function LanguageSwitch() {
  const { t } = useTranslation(); // also re-renders this on a language change
  const active = currentLanguage();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={languageTags[language]}
          aria-pressed={language === active}
          className="language-switch__button"
          onClick={() => void changeLanguage(language)}
        >
          {languageNames[language]}
        </button>
      ))}
    </div>
  );
}
