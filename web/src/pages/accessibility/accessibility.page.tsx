import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

const testing = ['axe', 'keyboard', 'zoom', 'review'] as const;
const limitations = ['modules', 'sources', 'screenReaders'] as const;

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('accessibility.title')}</PageHeading>
      <p className="lead">{t('accessibility.intro')}</p>

      <section aria-labelledby="a11y-target">
        <h2 id="a11y-target">{t('accessibility.targetHeading')}</h2>
        <p>{t('accessibility.targetText')}</p>
      </section>

      <section aria-labelledby="a11y-testing">
        <h2 id="a11y-testing">{t('accessibility.testingHeading')}</h2>
        <ul>
          {testing.map((item) => (
            <li key={item}>{t(`accessibility.testing.${item}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="a11y-limitations">
        <h2 id="a11y-limitations">{t('accessibility.limitationsHeading')}</h2>
        <ul>
          {limitations.map((item) => (
            <li key={item}>{t(`accessibility.limitations.${item}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="a11y-contact">
        <h2 id="a11y-contact">{t('accessibility.contactHeading')}</h2>
        <p>{t('accessibility.contactText')}</p>
      </section>
    </>
  );
}
