import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../api/types';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { timelineInOrder } from './case-model';

/** What happened to the case, oldest first: when, what, which agency, which item. */
export function CaseTimeline({ timeline, names }: { timeline: TimelineEntry[] | undefined; names: Record<string, string> }) {
  const { t, i18n } = useTranslation('applicant');
  const lang = langOf(i18n.language);
  const entries = timelineInOrder(timeline);
  return (
    <section aria-labelledby="case-timeline-heading">
      <h2 id="case-timeline-heading">{t('case.timelineTitle')}</h2>
      {entries.length === 0 ? (
        <p>{t('case.noTimeline')}</p>
      ) : (
        <ol className="timeline" aria-labelledby="case-timeline-heading" data-testid="timeline">
          {entries.map((entry, index) => {
            const where = [entry.agency ? t(`common:agencies.${entry.agency}`, { defaultValue: entry.agency }) : '', entry.item ? (names[entry.item] ?? entry.item) : ''].filter(Boolean).join(' · ');
            return (
              <li key={`${entry.at}-${entry.type}-${entry.item ?? ''}-${index}`} data-timeline={entry.type} data-timeline-item={entry.item ?? undefined}>
                <time dateTime={entry.at} className="muted block">
                  {formatMoment(entry.at, lang)}
                </time>
                <strong>{t(`timeline.${entry.type}`, { defaultValue: entry.type })}</strong>
                {where && <span className="block">{where}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
