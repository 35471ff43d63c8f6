import { useTranslation } from 'react-i18next';
import type { ForecastView } from '../../api/types';
import { forecastTimeline } from './forecast-model';

/**
 * The completion forecast as a small timeline: each item's earliest–latest window on the span from
 * submission to the case's latest day with its expected day marked, what that day rests on (the law's
 * limit alone, or the median of the decisions observed), the critical path, and why the dates moved (a
 * supplement request stops the clock). The bars are drawn for the eye only; every date is in the text.
 */
export function ForecastTimeline({ forecast, names, selection = false }: { forecast: ForecastView; names: Record<string, string>; selection?: boolean }) {
  const { t } = useTranslation('applicant');
  const model = forecastTimeline(forecast, names);
  return (
    <section aria-labelledby="forecast-heading" className="card forecast" data-testid="forecast">
      <h2 id="forecast-heading">{t('forecast.title')}</h2>
      <p className="hint">{selection ? t('forecast.introSelection', { date: model.from }) : t('forecast.intro')}</p>
      {model.earliest && model.latest && (
        <p data-forecast-latest={model.latest} data-forecast-expected={model.expected ?? undefined}>
          <strong>{t('forecast.whole', { earliest: model.earliest, expected: model.expected ?? model.latest, latest: model.latest })}</strong>
        </p>
      )}
      {model.criticalPath.length > 0 && <p>{t('forecast.criticalPath', { path: model.criticalPath.join(' → ') })}</p>}
      {model.notes.map((note) => (
        <p key={note} className="notice">
          {note}
        </p>
      ))}
      <div className="forecast-scale muted" aria-hidden="true">
        <span>{model.from}</span>
        <span>{model.to}</span>
      </div>
      <ol className="forecast-rows">
        {model.rows.map((row) => (
          <li
            key={row.code}
            className={`forecast-row${row.onCriticalPath ? ' critical' : ''}`}
            data-forecast-item={row.code}
            data-forecast-earliest={row.earliest ?? undefined}
            data-forecast-expected={row.expected ?? undefined}
            data-forecast-latest={row.latest ?? undefined}
          >
            <strong>{row.name}</strong>
            {row.onCriticalPath && <span className="forecast-critical">{t('forecast.critical')}</span>}
            <span className="block">
              {row.state === 'ended'
                ? t('forecast.ended')
                : row.state === 'decided'
                  ? t('forecast.decidedOn', { date: row.latest })
                  : t('forecast.window', { earliest: row.earliest, expected: row.expected ?? row.latest, latest: row.latest })}
            </span>
            {row.bar && (
              <div className="forecast-track" aria-hidden="true">
                <div className="forecast-bar" style={{ left: `${row.bar.startPct}%`, width: `${row.bar.widthPct}%` }} />
                {row.state === 'forecast' && <div className="forecast-expected" style={{ left: `${row.bar.expectedPct}%` }} />}
              </div>
            )}
            {row.basis && (
              <span className="block" data-forecast-basis={row.basis.expected}>
                {row.basis.text}
              </span>
            )}
            <span className="block muted">{row.explanation}</span>
            {row.shifts.length > 0 && (
              <div className="forecast-shifts" data-forecast-shifts={row.code}>
                <strong className="block">{t('forecast.moved')}</strong>
                {row.shifts.map((shift) => (
                  <p key={shift} className="forecast-shift">
                    {shift}
                  </p>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
