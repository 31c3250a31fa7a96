import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { FundingDecision, Payment } from '../api/get-project-records';
import type { ProjectDetail } from '../api/get-project';
import { formatPercentNumberIn } from './format-extra';
import { PROJECT_SECTION_IDS, QueryContent, Section } from './section';
import { DataTable } from '../../../components/data-table';
import { useCan } from '../../../lib/session';
import { GrantedMoney } from '../../../components/granted-money';
import { EditLink, PaymentLinks } from './project-actions';

export interface FundingSectionProps {
  projectId: string;
  funding: ProjectDetail['funding'];
  decisions: UseQueryResult<FundingDecision[]>;
  payments: UseQueryResult<Payment[]>;
}

/**
 * Granted, paid and remaining in total, every funding decision of the project, and the payments
 * made under each. An amount that is not known (not public yet) is said to be unknown, never 0.
 */
export function FundingSection({ projectId, funding, decisions, payments }: FundingSectionProps) {
  const { t } = useTranslation();
  return (
    <Section id={PROJECT_SECTION_IDS.funding} title={t('projectPage.funding.title')}>
      <FundingTotals funding={funding} />
      <QueryContent query={decisions}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('projectPage.funding.empty')}</p>
          ) : (
            <>
              <DecisionsTable decisions={items} />
              <h3>{t('projectPage.funding.payments.title')}</h3>
              <PaymentLinks projectId={projectId} decisions={items} />
              <QueryContent query={payments}>
                {(paymentItems) => <PaymentsByDecision decisions={items} payments={paymentItems} />}
              </QueryContent>
            </>
          )
        }
      </QueryContent>
    </Section>
  );
}

function FundingTotals({ funding }: { funding: ProjectDetail['funding'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts facts--totals">
      <div>
        <dt>{t('projectPage.funding.granted')}</dt>
        <dd>
          <GrantedMoney
            amount={funding.granted}
            unknownAmounts={funding.unknownAmounts}
            text="projectPage.funding.unknownAmounts"
          />
        </dd>
      </div>
      <div>
        <dt>{t('projectPage.funding.paid')}</dt>
        <dd>{format.money(funding.paid)}</dd>
      </div>
      <div>
        <dt>{t('projectPage.funding.remaining')}</dt>
        <dd>{format.money(funding.remaining)}</dd>
      </div>
    </dl>
  );
}

/** "Kuopion kaupunki, AKKE-rahoitus, 20.9.2021": names a decision in captions and headers. */
function useDecisionName(): (decision: FundingDecision) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (decision) => {
    const names = { funder: decision.funder.name, instrument: t(`projectPage.instruments.${decision.instrument}`) };
    return decision.decisionDate
      ? t('projectPage.funding.decisionNameDated', { ...names, date: format.date(decision.decisionDate) })
      : t('projectPage.funding.decisionName', names);
  };
}

function DecisionsTable({ decisions }: { decisions: FundingDecision[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decisionName = useDecisionName();
  // Coordinators and admins get an edit link per decision (the server checks the same permission).
  const canEdit = useCan('portfolio:write');
  const notGiven = t('projectPage.notGiven');
  const unknown = t('projectPage.unknownAmount');
  return (
    <DataTable
      caption={t('projectPage.funding.caption')}
      columns={[
        t('projectPage.funding.columns.decision'),
        t('projectPage.funding.columns.status'),
        t('projectPage.funding.columns.decidedBy'),
        t('projectPage.funding.columns.eligiblePeriod'),
        { label: t('projectPage.funding.columns.granted'), numeric: true },
        { label: t('projectPage.funding.columns.paid'), numeric: true },
        { label: t('projectPage.funding.columns.remaining'), numeric: true },
        canEdit && t('projectForms.actions.heading'),
      ]}
    >
      <tbody>
        {decisions.map((decision) => (
          <tr key={decision.id}>
            <th scope="row">
              {decisionName(decision)}
              {decision.recipient && (
                <span className="secondary">
                  {t('projectPage.funding.recipient', { name: decision.recipient.name })}
                </span>
              )}
            </th>
            <td>{t(`projectPage.decisionStatuses.${decision.status}`)}</td>
            <td>
              {[decision.decisionBody, decision.recordNumber].filter(Boolean).join(' ') || notGiven}
              {decision.conditions && (
                <span className="secondary">
                  {t('projectPage.funding.conditions', { conditions: decision.conditions })}
                </span>
              )}
            </td>
            <td className="nowrap">
              {decision.eligibleFrom || decision.eligibleTo
                ? t('projectPage.period', {
                    start: format.date(decision.eligibleFrom) || notGiven,
                    end: format.date(decision.eligibleTo) || notGiven,
                  })
                : notGiven}
            </td>
            <td className="num">
              {decision.amountGranted === null ? unknown : format.money(decision.amountGranted)}
              {decision.cap !== null && (
                <span className="secondary">
                  {t('projectPage.funding.cap', { amount: format.money(decision.cap) })}
                </span>
              )}
              {decision.coFundingRate !== null && (
                <span className="secondary">
                  {t('projectPage.funding.coFundingRate', {
                    rate: t('projectPage.percent', {
                      value: formatPercentNumberIn(decision.coFundingRate, format.language),
                    }),
                  })}
                </span>
              )}
            </td>
            <td className="num">{format.money(decision.paid)}</td>
            <td className="num">{decision.remaining === null ? unknown : format.money(decision.remaining)}</td>
            {canEdit && (
              <td>
                {decision.projectId && (
                  <EditLink
                    to={`/projects/${decision.projectId}/funding-decisions/${decision.id}/edit`}
                    label={t('projectForms.actions.editDecision', { name: decisionName(decision) })}
                  />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** For each decision, a table of its payments (the caption names the decision), or a line saying there are none. */
function PaymentsByDecision({ decisions, payments }: { decisions: FundingDecision[]; payments: Payment[] }) {
  const { t } = useTranslation();
  const decisionName = useDecisionName();
  const byDecision = new Map<string, Payment[]>();
  for (const payment of payments) {
    byDecision.set(payment.fundingDecisionId, [...(byDecision.get(payment.fundingDecisionId) ?? []), payment]);
  }
  return decisions.map((decision) => {
    const paid = byDecision.get(decision.id) ?? [];
    return paid.length === 0 ? (
      <p key={decision.id}>{t('projectPage.funding.payments.noneFor', { decision: decisionName(decision) })}</p>
    ) : (
      <PaymentsTable key={decision.id} caption={decisionName(decision)} decision={decision} payments={paid} />
    );
  });
}

function PaymentsTable({
  caption,
  decision,
  payments,
}: {
  caption: string;
  decision: FundingDecision;
  payments: Payment[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canEdit = useCan('portfolio:write') && decision.projectId !== null;
  const decisionPath = `/projects/${decision.projectId}/funding-decisions/${decision.id}`;
  return (
    <DataTable
      caption={t('projectPage.funding.payments.caption', { decision: caption })}
      className="data-table data-table--compact"
      columns={[
        t('projectPage.funding.payments.columns.paidOn'),
        { label: t('projectPage.funding.payments.columns.amount'), numeric: true },
        t('projectPage.funding.payments.columns.note'),
        canEdit && t('projectForms.actions.heading'),
      ]}
    >
      <tbody>
        {payments.map((payment) => (
          <tr key={payment.id}>
            <th scope="row" className="nowrap">
              <time dateTime={payment.paidOn}>{format.date(payment.paidOn)}</time>
            </th>
            <td className="num">{format.money(payment.amount)}</td>
            <td>{payment.note}</td>
            {canEdit && (
              <td>
                <EditLink
                  to={`${decisionPath}/payments/${payment.id}/edit`}
                  label={t('projectForms.actions.editPayment', {
                    date: format.date(payment.paidOn),
                    amount: format.money(payment.amount),
                  })}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
