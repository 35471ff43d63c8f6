import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../api/platform-api';
import { useResource } from '../../api/use-resource';
import { catalogueNamesOf, type CatalogueNames } from '../../format/catalogue-names';
import { langOf } from '../../i18n/i18n';
import { useApp } from '../../session/app-context';

// The catalogue is public and changes only with a new version: loaded once per language per page load.
const catalogues = new Map<string, Promise<CatalogueView>>();

/** The catalogue in the reader's language (for names), loaded once and shared by the officer pages. */
export function useCatalogue(): { catalogue?: CatalogueView; names: CatalogueNames } {
  const { api } = useApp();
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { data } = useResource(() => {
    let pending = catalogues.get(lang);
    if (!pending) {
      pending = api.catalogue(lang);
      catalogues.set(lang, pending);
      pending.catch(() => catalogues.delete(lang));
    }
    return pending;
  }, [api, lang]);
  const names = useMemo(() => catalogueNamesOf(data), [data]);
  return { catalogue: data, names };
}
