import { PAYABLE_DECISION_STATUSES } from '@salkku/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { recordAmountPath, savedNoticeKey, savedNoticeOf } from '../../../lib/project-form-routes';
import { useCan } from '../../../lib/session';
import type { FundingDecision } from '../api/get-project-records';

/**
 * The project page's editing links, for users who may edit the portfolio (coordinators, admins);
 * nothing at all for the others. Each link opens a form page; payments are added per decision.
 */
export function ProjectActions({
  projectId,
  decisions = [],
}: {
  projectId: string;
  decisions?: readonly FundingDecision[];
}) {
  const { t } = useTranslation();
  const canEdit = useCan('portfolio:write');
  if (!canEdit) return null;
  const base = `/projects/${projectId}`;
  return (
    <nav aria-label={t('projectForms.actions.label')}>
      <ul className="project-forms__actions">
        <li>
          <Link to={`${base}/edit`} className="button-link">
            {t('projectForms.actions.editProject')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/status`} className="button-link">
            {t('projectForms.actions.changeStatus')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/funding-decisions/new`} className="button-link">
            {t('projectForms.actions.addDecision')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/milestones/new`} className="button-link">
            {t('projectForms.actions.addMilestone')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/status-reports/new`} className="button-link">
            {t('projectForms.actions.addReport')}
          </Link>
        </li>
        {decisions.map((decision) => {
          const name = `${decision.funder.name}, ${t(`projectPage.instruments.${decision.instrument}`)}${
            decision.recordNumber ? ` ${decision.recordNumber}` : ''
          }`;
          // Payments go only under a granted decision whose amount is known (the API's rule): a
          // decision without its amount offers recording the amount instead of a payment form
          // that could not be saved; one not granted yet offers nothing here.
          if (!PAYABLE_DECISION_STATUSES.includes(decision.status)) return null;
          return (
            <li key={decision.id}>
              {decision.amountGranted === null ? (
                <Link to={recordAmountPath(projectId, decision.id)} className="button-link">
                  {t('projectForms.actions.recordAmount', { name })}
                </Link>
              ) : (
                <Link to={`${base}/funding-decisions/${decision.id}/payments/new`} className="button-link">
                  {t('projectForms.actions.addPayment', { name })}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
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
    // The live region is always there (so the notice is read out); with a notice in it, it is a
    // clearly marked box, not a grey line.
    <p role="status" className={shown ? 'project-forms__notice' : 'status-message'}>
      {shown ? t(savedNoticeKey(shown)) : ''}
    </p>
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
