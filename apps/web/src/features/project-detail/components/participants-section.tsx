import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import type { Participant } from '../api/get-project-records';
import { EditLink } from './project-actions';
import { PROJECT_SECTION_IDS, ListSection } from './section';

/**
 * The participant register of the project: each organisation taking part, its business ID (or,
 * for a company without one, a visible "business ID missing" flag: it may be counted twice in
 * the derived indicators), role, period, and the support it receives. Coordinators and admins
 * get an edit link per row (the server checks the same permission).
 */
export function ParticipantsSection({ participants }: { participants: UseQueryResult<Participant[]> }) {
  const { t } = useTranslation();
  return (
    <ListSection
      id={PROJECT_SECTION_IDS.participants}
      title={t('participants.title')}
      query={participants}
      empty={t('participants.empty')}
    >
      {(items) => <ParticipantsTable items={items} />}
    </ListSection>
  );
}

function ParticipantsTable({ items }: { items: Participant[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canEdit = useCan('portfolio:write');
  const notKnown = t('participants.notKnown');
  const flagged = items.filter((participant) => participant.flagged).length;
  return (
    <>
      <p>{t('participants.intro')}</p>
      {flagged > 0 && (
        <p>
          <strong className="badge--flagged">{t('participants.flaggedCount', { count: flagged })}</strong>{' '}
          {t('participants.missingBusinessIdNote')}
        </p>
      )}
      <DataTable
        caption={t('participants.caption')}
        columns={[
          t('participants.columns.organisation'),
          t('participants.columns.businessId'),
          t('participants.columns.role'),
          t('participants.columns.period'),
          t('participants.columns.supportKind'),
          { label: t('participants.columns.supportAmount'), numeric: true },
          canEdit && t('projectForms.actions.heading'),
        ]}
      >
        <tbody>
          {items.map((participant) => (
            <tr key={participant.id}>
              <th scope="row">{participant.organisation.name}</th>
              <td className="nowrap">
                {participant.flagged ? (
                  <strong className="badge--flagged">{t('participants.missingBusinessId')}</strong>
                ) : (
                  (participant.organisation.businessId ?? '')
                )}
              </td>
              <td>{t(`participants.roles.${participant.role}`)}</td>
              <td className="nowrap">
                <Period participant={participant} />
              </td>
              <td>{participant.supportKind ? t(`participants.supportKinds.${participant.supportKind}`) : notKnown}</td>
              <td className="num">
                {participant.supportAmount === null ? notKnown : format.money(participant.supportAmount)}
              </td>
              {canEdit && (
                <td>
                  <EditLink
                    to={`/projects/${participant.projectId}/participants/${participant.id}/edit`}
                    label={t('participants.edit', { name: participant.organisation.name })}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

/** From–to: an empty start is "from the start", an empty end "ongoing"; neither: the whole project. */
function Period({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { startsOn, endsOn } = participant;
  if (startsOn === null && endsOn === null) return <>{t('participants.wholeProject')}</>;
  const from =
    startsOn === null ? t('participants.fromStart') : <time dateTime={startsOn}>{format.date(startsOn)}</time>;
  const to = endsOn === null ? t('participants.ongoing') : <time dateTime={endsOn}>{format.date(endsOn)}</time>;
  return (
    <>
      {from}–{to}
    </>
  );
}
