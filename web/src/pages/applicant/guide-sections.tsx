import { type ReactNode, useState } from 'react';
import type { GuideView } from '../../api/platform-api';
import type { Lang } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';

/** A guide's sections, each a heading and its lines (plain text from the catalogue). */
export function GuideSections({ sections, level }: { sections: GuideView['sections']; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} className="guide-section" data-guide-section={section.id}>
          <Heading>{section.heading}</Heading>
          <ul>
            {section.items.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** One item's service guide (办事指南). */
export function ServiceGuide({ code, lang }: { code: string; lang: Lang }) {
  const { api } = useApp();
  const guide = useResource(() => api.guide(code, lang), [api, code, lang]);
  if (!guide.data) return guide.error ? <ErrorNotice error={guide.error} onRetry={guide.reload} /> : <Loading />;
  return (
    <div className="guide" data-guide={code}>
      <GuideSections sections={guide.data.sections} level={4} />
    </div>
  );
}

/** A <details> whose content is made (and loaded) only once it is first opened, and kept after. */
export function Disclosure({ summary, className, testId, children }: { summary: string; className?: string; testId?: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} data-testid={testId} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
