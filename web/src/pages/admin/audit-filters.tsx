import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-fields.tsx';

type Filters = { entityType: string; actorEmail: string };

export function AuditFilters({ onApply, ...applied }: Filters & { onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState(applied.entityType);
  const [actorEmail, setActorEmail] = useState(applied.actorEmail);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ entityType: entityType.trim(), actorEmail: actorEmail.trim() });
  }

  function clear() {
    setEntityType('');
    setActorEmail('');
    onApply({ entityType: '', actorEmail: '' });
  }

  return (
    <form className="filters" onSubmit={submit} aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="filters__title">
        {t('audit.filtersTitle')}
      </h2>
      <div className="filters__fields">
        <TextField
          id="audit-entity-type"
          name="entityType"
          label={t('audit.entityType')}
          hint={t('audit.entityTypeHint')}
          value={entityType}
          spellCheck={false}
          onChange={(event) => setEntityType(event.target.value)}
        />
        <TextField
          id="audit-actor-email"
          name="actorEmail"
          type="email"
          autoComplete="off"
          spellCheck={false}
          label={t('audit.actorEmail')}
          value={actorEmail}
          onChange={(event) => setActorEmail(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t('audit.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
