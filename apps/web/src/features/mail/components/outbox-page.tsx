import { MAIL_KINDS, MAIL_STATUSES, type MailKind, type MailStatus } from '@salkku/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/fields';
import { QueryView } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { Pagination } from '../../../components/pagination';
import { formatDateTimeIn, useFormat } from '../../../lib/format';
import { OUTBOX_PAGE_SIZE, useMailOutbox, type MailMessage, type MailOutboxFilters } from '../api/get-mail-outbox';
import './mail.css';

function isStatus(value: string | null): value is MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(value ?? '');
}

function isKind(value: string | null): value is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(value ?? '');
}

/** The filters and page of the outbox, kept in the URL (so a filtered view can be shared and reloaded). */
function useOutboxFilters(): [MailOutboxFilters, (next: Partial<MailOutboxFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const kind = params.get('kind');
  const page = Number(params.get('page') ?? '1');
  const filters: MailOutboxFilters = {
    status: isStatus(status) ? status : undefined,
    kind: isKind(kind) ? kind : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
  const update = (next: Partial<MailOutboxFilters>) => {
    const merged = { ...filters, ...next };
    const search = new URLSearchParams();
    if (merged.status) search.set('status', merged.status);
    if (merged.kind) search.set('kind', merged.kind);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search, { replace: true });
  };
  return [filters, update];
}

/**
 * Admin: the mail outbox (issue 13) — every email Salkku has written, newest first, as its
 * recipient reads it, with its delivery state: waiting, sent, or given up and why. With no mail
 * server configured nothing is sent, and this page is where the messages are read.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useOutboxFilters();
  const outbox = useMailOutbox(filters);
  return (
    <Page title={t('mail.outbox.title')} className="mail-outbox">
      <p>{t('mail.outbox.intro')}</p>
      {outbox.data && !outbox.data.delivering && (
        <p className="mail-outbox__notice">{t('mail.outbox.notDelivering')}</p>
      )}
      <form className="mail-outbox__filters" aria-label={t('mail.outbox.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('mail.outbox.status')}
          value={filters.status ?? ''}
          emptyChoice={t('mail.outbox.all')}
          choices={MAIL_STATUSES.map((status) => [status, t(`mail.statuses.${status}`)] as const)}
          onChange={(e) => setFilters({ status: isStatus(e.target.value) ? e.target.value : undefined, page: 1 })}
        />
        <SelectField
          label={t('mail.outbox.kind')}
          value={filters.kind ?? ''}
          emptyChoice={t('mail.outbox.all')}
          choices={MAIL_KINDS.map((kind) => [kind, t(`mail.kinds.${kind}`)] as const)}
          onChange={(e) => setFilters({ kind: isKind(e.target.value) ? e.target.value : undefined, page: 1 })}
        />
      </form>
      <QueryView
        query={outbox}
        loading={t('mail.outbox.loading')}
        failure={t('mail.outbox.loadFailed')}
        retryLabel={t('mail.outbox.retry')}
        className="mail-outbox__results"
      >
        {(data) => (
          <>
            <p>{t('mail.outbox.count', { count: data.total })}</p>
            {data.items.length > 0 && (
              <ol className="mail-outbox__list">
                {data.items.map((message) => (
                  <li key={message.id}>
                    <OutboxMessage message={message} />
                  </li>
                ))}
              </ol>
            )}
            <Pagination
              page={data.page}
              pageSize={OUTBOX_PAGE_SIZE}
              total={data.total}
              onPageChange={(page) => setFilters({ page })}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}

function OutboxMessage({ message }: { message: MailMessage }) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const headingId = useId();
  const time = (value: string) => <time dateTime={value}>{formatDateTimeIn(value, language)}</time>;
  return (
    <article className="mail-message" aria-labelledby={headingId}>
      <h2 id={headingId} className="mail-message__subject">
        {message.subject}
      </h2>
      <dl className="mail-message__facts">
        <div>
          <dt>{t('mail.outbox.status')}</dt>
          <dd>
            <span className={`mail-status mail-status--${message.status}`}>{t(`mail.statuses.${message.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('mail.outbox.recipient')}</dt>
          <dd>
            {message.recipientName ?? t('mail.outbox.deletedUser')} &lt;{message.recipientEmail}&gt;
          </dd>
        </div>
        <div>
          <dt>{t('mail.outbox.kind')}</dt>
          <dd>{t(`mail.kinds.${message.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('mail.outbox.language')}</dt>
          <dd>{t(`language.${message.language}`)}</dd>
        </div>
        <div>
          <dt>{t('mail.outbox.created')}</dt>
          <dd>{time(message.createdAt)}</dd>
        </div>
        {message.sentAt ? (
          <div>
            <dt>{t('mail.outbox.sent')}</dt>
            <dd>{time(message.sentAt)}</dd>
          </div>
        ) : (
          message.status === 'pending' &&
          message.attempts > 0 && (
            <div>
              <dt>{t('mail.outbox.nextAttempt')}</dt>
              <dd>{time(message.nextAttemptAt)}</dd>
            </div>
          )
        )}
        <div>
          <dt>{t('mail.outbox.attempts')}</dt>
          <dd>{message.attempts}</dd>
        </div>
        {message.lastError && (
          <div className="mail-message__error">
            <dt>{t('mail.outbox.lastError')}</dt>
            <dd>{message.lastError}</dd>
          </div>
        )}
      </dl>
      <details className="mail-message__body">
        <summary>{t('mail.outbox.body')}</summary>
        <pre lang={message.language}>{message.body}</pre>
      </details>
    </article>
  );
}
