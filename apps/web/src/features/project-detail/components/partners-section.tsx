import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { ProjectDetail } from '../api/get-project';
import { PROJECT_SECTION_IDS, Section } from './section';
import { DataTable } from '../../../components/data-table';

/** The lead organisation and the partners with their roles and budget shares. */
export function PartnersSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notGiven = t('projectPage.notGiven');
  return (
    <Section id={PROJECT_SECTION_IDS.partners} title={t('projectPage.partners.title')}>
      <p>{t('projectPage.partners.lead', { name: project.leadOrganisation.name })}</p>
      {project.partners.length === 0 ? (
        <p>{t('projectPage.partners.empty')}</p>
      ) : (
        <DataTable
          caption={t('projectPage.partners.caption')}
          columns={[
            t('projectPage.partners.columns.organisation'),
            t('projectPage.partners.columns.kind'),
            t('projectPage.partners.columns.role'),
            { label: t('projectPage.partners.columns.budgetShare'), numeric: true },
          ]}
        >
          <tbody>
            {project.partners.map((partner) => (
              <tr key={partner.id}>
                <th scope="row">{partner.organisation.name}</th>
                <td>{t(`organisationKinds.${partner.organisation.kind}`)}</td>
                <td>{partner.role || notGiven}</td>
                <td className="num">{format.money(partner.budgetShare) || notGiven}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}
