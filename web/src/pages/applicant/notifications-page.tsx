import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import './applicant.css';
import { itemNames } from './catalogue-model';
import { shortId } from './case-model';
import { inboxOrder, unreadCount } from './notifications-model';

/** The caller's notifications in the reader's language, unread first; each links to its case. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation('applicant');
  const { api } = useApp();
  const lang = langOf(i18n.language);
  const inbox = useResource(() => api.notifications(lang), [api, lang]);
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  const names = useMemo(() => itemNames(catalogue.data), [catalogue.data]);
  // Marked read here; the order stays as loaded so nothing moves under the reader's focus.
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<Error>();
  const list = useMemo(() => inboxOrder(inbox.data ?? []).map((notification) => (readHere.has(notification.id) ? { ...notification, read: true } : notification)), [inbox.data, readHere]);

  async function markRead(id: string) {
    setError(undefined);
    setReadHere((previous) => new Set(previous).add(id));
    document.getElementById(`notification-${id}`)?.focus();
    try {
      await api.markNotificationRead(id);
    } catch (reason) {
      setReadHere((previous) => {
        const next = new Set(previous);
        next.delete(id);
        return next;
      });
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    }
  }

  return (
    <div className="applicant-page notifications-page">
      <h1>{t('notifications.title')}</h1>
      <ErrorNotice error={inbox.error} onRetry={inbox.reload} />
      <ErrorNotice error={error} />
      {!inbox.data && inbox.loading && <Loading />}
      {inbox.data && (
        <>
          <p role="status" aria-live="polite" data-testid="unread-count">
            {t('notifications.unread', { n: unreadCount(list) })}
          </p>
          {list.length === 0 ? (
            <p className="notice">{t('notifications.none')}</p>
          ) : (
            <ul className="notifications" role="list">
              {list.map((notification) => (
                <li
                  key={notification.id}
                  id={`notification-${notification.id}`}
                  tabIndex={-1}
                  className={`card notification${notification.read ? '' : ' unread'}`}
                  data-notification={notification.id}
                  data-read={String(notification.read)}
                  aria-labelledby={`notification-${notification.id}-title`}
                >
                  <h2 id={`notification-${notification.id}-title`}>
                    {!notification.read && <span className="badge badge-unread">{t('notifications.unreadBadge')}</span>} {notification.title}
                  </h2>
                  <p>{notification.body}</p>
                  <p className="muted">
                    <time dateTime={notification.createdAt}>{formatMoment(notification.createdAt, lang)}</time>
                    {notification.item && ` · ${names[notification.item] ?? notification.item}`}
                  </p>
                  <div className="row">
                    <Link to={`/cases/${notification.caseId}`}>{t('notifications.openCase', { id: shortId(notification.caseId) })}</Link>
                    {!notification.read && (
                      <button type="button" data-testid="mark-read" aria-label={t('notifications.markReadLabel', { title: notification.title })} onClick={() => void markRead(notification.id)}>
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
