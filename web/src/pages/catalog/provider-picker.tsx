import { useTranslation } from 'react-i18next';
import type { CatalogProviderPage } from '../../api/catalog-types.ts';
import { useApi } from '../../api/use-api.ts';
import { SelectField } from '../../components/form-fields.tsx';

/** Admins act for a provider they choose; provider accounts always act for their own. */
export function ProviderPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  const providers = useApi<CatalogProviderPage>('/api/v1/catalog/providers?pageSize=200');
  const items = providers.data?.items ?? [];
  return (
    <SelectField
      id="catalog-provider"
      label={t('catalog.provider.pick')}
      hint={t('catalog.provider.pickHint')}
      error={error}
      options={[{ value: '', label: t('catalog.provider.pickNone') }, ...items.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }))]}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
