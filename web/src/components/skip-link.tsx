import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export function SkipLink({ targetRef }: { targetRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // Focus explicitly: fragment navigation alone does not move keyboard focus everywhere.
        const target = targetRef.current;
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView();
      }}
    >
      {t('skipLink')}
    </a>
  );
}
