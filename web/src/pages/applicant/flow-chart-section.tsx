import { useTranslation } from 'react-i18next';
import type { Lang } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { flowChartOf } from './flow-chart';
import { Disclosure, GuideSections } from './guide-sections';

/** The combined "one thing" guide with its flow chart, in a collapsible section loaded when opened. */
export function FlowChartSection({ lang }: { lang: Lang }) {
  const { t } = useTranslation('applicant');
  return (
    <section aria-labelledby="flow-heading" className="flow-section">
      <h2 id="flow-heading">{t('items.flowTitle')}</h2>
      <Disclosure summary={t('items.flowSummary')} className="card" testId="one-thing-guide">
        {() => <OneThingGuide lang={lang} />}
      </Disclosure>
    </section>
  );
}

function OneThingGuide({ lang }: { lang: Lang }) {
  const { t } = useTranslation('applicant');
  const { api } = useApp();
  const guide = useResource(() => api.oneThingGuide(lang), [api, lang]);
  if (!guide.data) return guide.error ? <ErrorNotice error={guide.error} onRetry={guide.reload} /> : <Loading />;
  const chart = flowChartOf(guide.data);
  return (
    <div className="one-thing-guide">
      {chart.svg ? (
        <figure className="flow-chart">
          {/* The SVG is laid out by the portal from the catalogue (trusted), and stripped of scripts by inlineSvg. */}
          <div className="flow-chart-scroll" role="img" aria-label={t('items.flowAlt')} tabIndex={0} data-testid="flow-chart" dangerouslySetInnerHTML={{ __html: chart.svg }} />
          <figcaption className="hint">{t('items.flowCaption')}</figcaption>
        </figure>
      ) : (
        chart.mermaid && (
          <pre className="mermaid-source" data-testid="flow-chart-mermaid" tabIndex={0} aria-label={t('items.mermaidSource')}>
            {chart.mermaid}
          </pre>
        )
      )}
      {chart.svg && chart.mermaid && (
        <details>
          <summary>{t('items.mermaidSource')}</summary>
          <pre className="mermaid-source" tabIndex={0}>
            {chart.mermaid}
          </pre>
        </details>
      )}
      <GuideSections sections={guide.data.sections.filter((section) => section.id !== 'flowChart')} level={3} />
    </div>
  );
}
