import { PAYABLE_DECISION_STATUSES } from '@salkku/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { recordAmountPath, savedNoticeKey, savedNoticeOf } from '../../../lib/project-form-routes';
import { useCan } from '../../../lib/session';
import { StatusLine } from '../../../components/load-status';
import { ActionsMenu } from './actions-menu';
import type { FundingDecision } from '../api/get-project-records';

/**
 * The project page's editing links, for users who may edit the portfolio (coordinators, admins);
 * nothing at all for the others. One primary action (the status report, what a coordinator does
 * most), the rest in a menu; each link opens a form page. Payments are added in the funding
 * section, beside the decision they belong to.
 */
export function ProjectActions({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const canEdit = useCan('portfolio:write');
  if (!canEdit) return null;
  const base = `/projects/${projectId}`;
  const more: Array<[string, string]> = [
    [`${base}/edit`, t('projectForms.actions.editProject')],
    [`${base}/status`, t('projectForms.actions.changeStatus')],
    [`${base}/funding-decisions/new`, t('projectForms.actions.addDecision')],
    [`${base}/milestones/new`, t('projectForms.actions.addMilestone')],
    [`${base}/participants/new`, t('participants.add')],
  ];
  return (
    <nav aria-label={t('projectForms.actions.label')} className="project-actions">
      <Link to={`${base}/status-reports/new`} className="button-link button-link--primary">
        {t('projectForms.actions.addReport')}
      </Link>
      <ActionsMenu label={t('projectPage.actions.more')}>
        {more.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
          </li>
        ))}
      </ActionsMenu>
    </nav>
  );
}

/**
 * Under the funding decisions, for editors: a payment link per granted decision whose amount is
 * known (the API's rule); a decision without its amount offers recording the amount instead of a
 * payment form that could not be saved; one not granted yet offers nothing.
 */
export function PaymentLinks({ projectId, decisions }: { projectId: string; decisions: readonly FundingDecision[] }) {
  const { t } = useTranslation();
  const canEdit = useCan('portfolio:write');
  const payable = decisions.filter((decision) => PAYABLE_DECISION_STATUSES.includes(decision.status));
  if (!canEdit || payable.length === 0) return null;
  const base = `/projects/${projectId}`;
  return (
    <ul className="project-forms__links">
      {payable.map((decision) => {
        const name = `${decision.funder.name}, ${t(`projectPage.instruments.${decision.instrument}`)}${
          decision.recordNumber ? ` ${decision.recordNumber}` : ''
        }`;
        return (
          <li key={decision.id}>
            {decision.amountGranted === null ? (
              <Link to={recordAmountPath(projectId, decision.id)}>
                {t('projectForms.actions.recordAmount', { name })}
              </Link>
            ) : (
              <Link to={`${base}/funding-decisions/${decision.id}/payments/new`}>
                {t('projectForms.actions.addPayment', { name })}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Announces a save that brought the user back to the project page (router state from a form).
 * The status region is on the page first and the message is put in after, so it is read out.
 */
export function ProjectFormNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const saved = savedNoticeOf(location.state);
  const [shown, setShown] = useState<typeof saved>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setShown(saved), 50);
    return () => clearTimeout(timer);
  }, [saved, location.key]);
  return (
    // The live region is always there (so the notice is read out); with a notice in it, it is the
    // app's success box, as every saved message is.
    <StatusLine tone="success">{shown ? t(savedNoticeKey(shown)) : ''}</StatusLine>
  );
}

/** An "Edit" link of the project page to a record's form, named in full for screen readers ("Edit milestone Testbed open"). */
export function EditLink({ to, label }: { to: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} aria-label={label} className="project-forms__edit-link">
      {t('projectForms.actions.edit')}
    </Link>
  );
}
