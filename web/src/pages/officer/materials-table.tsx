import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMaterial } from '../../api/types';
import type { CatalogueNames } from '../../format/catalogue-names';
import { DataTable } from '../../layout/data-table';
import { useApp } from '../../session/app-context';

type Opened = { state: 'loading' } | { state: 'ready'; url: string; blocked: boolean } | { state: 'failed'; message: string };

/** The documents on file, each viewable: fetched with the officer's token, opened from an object URL. */
export function MaterialsTable({ materials, names }: { materials: CaseMaterial[]; names: CatalogueNames }) {
  const { t } = useTranslation('officer');
  const { api } = useApp();
  const [opened, setOpened] = useState<Record<string, Opened>>({});
  const urls = useRef<string[]>([]);

  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  async function view(material: CaseMaterial) {
    const existing = opened[material.sha256];
    if (existing?.state === 'ready') {
      window.open(existing.url, '_blank');
      return;
    }
    setOpened((previous) => ({ ...previous, [material.sha256]: { state: 'loading' } }));
    try {
      const url = URL.createObjectURL(await api.material(material.sha256));
      urls.current.push(url);
      const tab = window.open(url, '_blank');
      setOpened((previous) => ({ ...previous, [material.sha256]: { state: 'ready', url, blocked: !tab } }));
    } catch (error) {
      setOpened((previous) => ({ ...previous, [material.sha256]: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    }
  }

  if (materials.length === 0) return <p className="muted">{t('case.noMaterials')}</p>;
  return (
    <DataTable className="wide" columns={[t('case.material'), t('case.fileName'), t('case.issuedAt'), 'SHA-256', t('case.document')]}>
      {materials.map((material) => {
        const state = opened[material.sha256];
        return (
          <tr key={`${material.code}:${material.sha256}`} data-material={material.code}>
            <td>
              {names.material(material.code)} <span className="muted">({material.code})</span>
            </td>
            <td>{material.fileName}</td>
            <td>{material.issuedAt ?? ''}</td>
            <td>
              <span className="sha" title={material.sha256}>
                {material.sha256.slice(0, 12)}…
              </span>
            </td>
            <td>
              <button type="button" onClick={() => void view(material)} disabled={state?.state === 'loading'} aria-label={t('case.viewDocument', { fileName: material.fileName })}>
                {t('case.view')}
              </button>
              <span aria-live="polite">
                {state?.state === 'loading' && <span className="muted"> {t('case.opening')}</span>}
                {state?.state === 'ready' && (
                  <span className="row">
                    {state.blocked && <span className="muted">{t('case.popupBlocked')}</span>}
                    <a href={state.url} target="_blank" rel="noopener">
                      {t('case.openFile', { fileName: material.fileName })}
                    </a>
                    <a href={state.url} download={material.fileName}>
                      {t('case.download', { fileName: material.fileName })}
                    </a>
                  </span>
                )}
                {state?.state === 'failed' && (
                  <span className="field-error" role="alert">
                    {t('case.viewFailed', { message: state.message })}
                  </span>
                )}
              </span>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
