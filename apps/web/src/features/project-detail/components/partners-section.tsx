import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { ProjectDetail } from '../api/get-project';
import { Section } from './section';
import { TableScroll } from '../../../components/table-scroll';

/** The lead organisation and the partners with their roles and budget shares. */
export function PartnersSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  const notGiven = t('projectPage.notGiven');
  return (
    <Section title={t('projectPage.partners.title')}>
      <p>{t('projectPage.partners.lead', { name: project.leadOrganisation.name })}</p>
      {project.partners.length === 0 ? (
        <p>{t('projectPage.partners.empty')}</p>
      ) : (
        <TableScroll captionId={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('projectPage.partners.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projectPage.partners.columns.organisation')}</th>
                <th scope="col">{t('projectPage.partners.columns.kind')}</th>
                <th scope="col">{t('projectPage.partners.columns.role')}</th>
                <th scope="col" className="num">
                  {t('projectPage.partners.columns.budgetShare')}
                </th>
              </tr>
            </thead>
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
          </table>
        </TableScroll>
      )}
    </Section>
  );
}
