import { useTranslation } from 'react-i18next';
import type { PlanTexts } from '../../api/plan-types.ts';
import { currentLanguage, languageTags } from '../../i18n/index.ts';
import { paragraphs, pickText } from './pick-text.ts';

/** The `lang` to put on an element showing text in `language`: none when it is the page's own. */
export function langFor(language: keyof typeof languageTags): string | undefined {
  return language === currentLanguage() ? undefined : languageTags[language];
}

/**
 * A partial text from the API in the best language available, marked with its own `lang` when that
 * is not the UI language. Always rendered as text: markup in it shows as characters.
 */
export function PlanText({ text, fallback, className }: { text: PlanTexts | null | undefined; fallback?: string; className?: string }) {
  useTranslation(); // re-render on a language change
  const picked = pickText(text, currentLanguage());
  if (!picked) return fallback ? <span className={className ? `${className} muted` : 'muted'}>{fallback}</span> : null;
  return (
    <span lang={langFor(picked.language)} className={className}>
      {picked.text}
    </span>
  );
}

/** A longer text as paragraphs, in one block that carries the text's `lang`. */
export function PlanParagraphs({ text, fallback }: { text: PlanTexts | null | undefined; fallback?: string }) {
  useTranslation();
  const picked = pickText(text, currentLanguage());
  if (!picked) return fallback ? <p className="muted">{fallback}</p> : null;
  return (
    <div lang={langFor(picked.language)} className="plan-prose">
      {paragraphs(picked.text).map((part, index) => (
        <p key={index}>{part}</p>
      ))}
    </div>
  );
}

/** The picked text as a plain string (for titles and labels), or the fallback. */
export function plainText(text: PlanTexts | null | undefined, fallback = ''): string {
  return pickText(text, currentLanguage())?.text ?? fallback;
}
