import { todayIso } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { recordAmountPath } from '../../../lib/project-form-routes';
import { Page } from '../../../components/page';
import { createPayment, deletePayment, updatePayment } from '../api/record-writes';
import {
  paymentOptions,
  useDecisionRecord,
  useLatestRecord,
  usePaymentRecord,
  type FundingDecision,
  type Payment,
} from '../api/records';
import { moneyToInput } from '../../../lib/money-input';
import { TextControl } from './controls';
import { FormBreadcrumbs, RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

const FIELDS = ['amount', 'paidOn', 'note'] as const;
type F = (typeof FIELDS)[number];

function valuesOf(payment: Payment): Values<F> {
  return { amount: moneyToInput(payment.amount), paidOn: payment.paidOn, note: payment.note ?? '' };
}

/** Record a payment under a funding decision (route /projects/:projectId/funding-decisions/:decisionId/payments/new). */
export function NewPaymentPage() {
  const { projectId = '', decisionId = '' } = useParams();
  const decision = useDecisionRecord(decisionId);
  if (!decision.data) return <RecordLoading failed={decision.isError} />;
  if (decision.data.amountGranted === null) return <AmountFirst projectId={projectId} decision={decision.data} />;
  return <PaymentForm projectId={projectId} decision={decision.data} />;
}

/** Edit a payment (route /projects/:projectId/funding-decisions/:decisionId/payments/:paymentId/edit). */
export function EditPaymentPage() {
  const { projectId = '', decisionId = '', paymentId = '' } = useParams();
  const decision = useDecisionRecord(decisionId);
  const payment = usePaymentRecord(paymentId);
  if (!decision.data || !payment.data) return <RecordLoading failed={decision.isError || payment.isError} />;
  return <PaymentForm projectId={projectId} decision={decision.data} payment={payment.data} />;
}

/**
 * A payment under a decision whose amount granted is not known cannot be saved (the API's rule):
 * instead of a form that would fail, the way forward, recording the amount on the decision.
 */
function AmountFirst({ projectId, decision }: { projectId: string; decision: FundingDecision }) {
  const { t } = useTranslation();
  const title = t('projectForms.titles.newPayment');
  const decisionName = `${decision.funder.name}, ${t(`projectPage.instruments.${decision.instrument}`)}`;
  return (
    <Page
      title={title}
      className="form-page project-forms"
      before={<FormBreadcrumbs projectId={projectId} title={title} />}
    >
      <p>{t('projectForms.decisionFor', { name: decisionName })}</p>
      <p>{t('projectForms.amountFirst.text')}</p>
      <p className="form-actions">
        <Link to={recordAmountPath(projectId, decision.id)} className="button-link">
          {t('projectForms.amountFirst.record')}
        </Link>
        <Link to={`/projects/${projectId}`} className="button-link">
          {t('projectForms.cancel')}
        </Link>
      </p>
    </Page>
  );
}

/** The one form of a payment: a new one under `decision` (paid today unless changed), or the existing `payment`. */
function PaymentForm({
  projectId,
  decision,
  payment,
}: {
  projectId: string;
  decision: FundingDecision;
  payment?: Payment;
}) {
  const { t } = useTranslation();
  const latest = useLatestRecord();
  const form = useRecordForm<F>({
    projectId,
    fields: FIELDS,
    // "Today" is Helsinki's date, whatever the browser's clock zone.
    initial: payment ? valuesOf(payment) : { amount: '', paidOn: todayIso(), note: '' },
    version: payment?.version,
    required: ['amount', 'paidOn'],
    money: ['amount'],
    saved: 'payment',
    save: (body, version) =>
      payment
        ? updatePayment(payment.id, { amount: body.amount ?? '', paidOn: body.paidOn ?? '', note: body.note }, version)
        : createPayment({
            fundingDecisionId: decision.id,
            amount: body.amount ?? '',
            paidOn: body.paidOn ?? '',
            note: body.note,
          }),
    reload: payment ? () => latest(paymentOptions(payment.id), valuesOf) : undefined,
    remove: payment
      ? {
          record: 'payment',
          send: (version) => deletePayment(payment.id, version),
        }
      : undefined,
  });
  const labels: Record<F, string> = {
    amount: t('projectForms.fields.amount'),
    paidOn: t('projectForms.fields.paidOn'),
    note: t('projectForms.fields.note'),
  };
  const decisionName = `${decision.funder.name}, ${t(`projectPage.instruments.${decision.instrument}`)}`;
  return (
    <RecordFormPage
      title={t(payment ? 'projectForms.titles.editPayment' : 'projectForms.titles.newPayment')}
      form={form}
      fieldLabels={labels}
      intro={<p>{t('projectForms.decisionFor', { name: decisionName })}</p>}
    >
      <TextControl form={form} field="amount" label={labels.amount} money />
      <TextControl form={form} field="paidOn" label={labels.paidOn} type="date" />
      <TextControl form={form} field="note" label={labels.note} />
    </RecordFormPage>
  );
}
