import { useTranslation } from 'react-i18next';
import type { PlanTexts } from '../../api/plan-types.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { currentLanguage, languageTags } from '../../i18n/index.ts';
import { pickText } from './pick-text.ts';

/** The page's h1 from a partial text of the API, carrying that text's own `lang`. */
export function PlanHeading({ text, fallback }: { text: PlanTexts | null | undefined; fallback: string }) {
  useTranslation(); // re-render on a language change
  const picked = pickText(text, currentLanguage());
  if (!picked) return <PageHeading>{fallback}</PageHeading>;
  return <PageHeading lang={picked.language === currentLanguage() ? undefined : languageTags[picked.language]}>{picked.text}</PageHeading>;
}
