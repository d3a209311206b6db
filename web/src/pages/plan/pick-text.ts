import type { PlanTexts } from '../../api/plan-types.ts';
import type { Language } from '../../i18n/index.ts';

export type PickedText = { text: string; language: Language };

/**
 * The text of a partial {nl?, fr?, en?} in the UI language, else Dutch, else English, else French,
 * with the language it is in (so the element can carry its own `lang`). Null when it has no text.
 */
export function pickText(texts: PlanTexts | null | undefined, uiLanguage: Language): PickedText | null {
  for (const language of [uiLanguage, 'nl', 'en', 'fr'] as const) {
    const text = texts?.[language];
    if (text && text.trim()) return { text, language };
  }
  return null;
}

/**
 * Paragraphs of a longer text: each line break starts one (folded YAML keeps a blank line between
 * paragraphs as a single line break; a textarea's line breaks are the writer's own).
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
