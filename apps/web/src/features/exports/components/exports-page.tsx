import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAgreements } from '../../../lib/api/portfolio-choices';
import { uuidParam } from '../../../lib/ids';
import { EXPORT_DATASETS, type ExportDataset } from '../../../lib/api/download-export';
import { ExportPanel } from '../../../components/export-panel';
import { SelectField } from '../../../components/fields';
import { Page } from '../../../components/page';

function datasetOf(value: string | null): ExportDataset {
  return (EXPORT_DATASETS as readonly string[]).includes(value ?? '') ? (value as ExportDataset) : 'projects';
}

/**
 * CSV exports for managers: pick what (projects, funding decisions, payments, milestones, status
 * reports, participants, indicator values) and of which agreement, then the profile. The choice is in the URL (?dataset=&agreementId=).
 * The projects list exports its own filtered view; this page exports whole lists.
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const dataset = datasetOf(search.get('dataset'));
  const agreementId = uuidParam(search.get('agreementId'));
  const agreements = useAgreements();

  const change = (next: { dataset: ExportDataset; agreementId?: string }) => {
    const params = new URLSearchParams();
    if (next.dataset !== 'projects') params.set('dataset', next.dataset);
    if (next.agreementId) params.set('agreementId', next.agreementId);
    setSearch(params, { replace: true });
  };

  return (
    <Page title={t('exports.title')}>
      <>
        <p>{t('exports.intro')}</p>
        <form className="exports__choices" aria-label={t('exports.choices')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t('exports.dataset')}
            value={dataset}
            onChange={(e) => change({ dataset: datasetOf(e.target.value), agreementId })}
            choices={EXPORT_DATASETS.map((value) => [value, t(`exports.datasets.${value}`)] as const)}
          />
          <SelectField
            label={t('exports.agreement')}
            value={agreementId ?? ''}
            onChange={(e) => change({ dataset, agreementId: e.target.value || undefined })}
            emptyChoice={t('exports.allAgreements')}
            choices={agreements.data?.map((agreement) => [agreement.id, agreement.title] as const)}
          />
        </form>
        <ExportPanel key={`${dataset}:${agreementId ?? ''}`} dataset={dataset} filters={{ agreementId }} />
      </>
    </Page>
  );
}
