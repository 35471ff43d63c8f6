import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMaterial } from '../../api/types';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice } from '../../layout/status';
import { useApp } from '../../session/app-context';
import type { MaterialInfo } from './catalogue-model';

/** The case's documents, each downloadable with the caller's token (so through a blob, not a plain link). */
export function CaseMaterials({ materials, info }: { materials: CaseMaterial[]; info: Record<string, MaterialInfo> }) {
  const { t } = useTranslation('applicant');
  const { api } = useApp();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<Error>();

  async function download(material: CaseMaterial) {
    setBusy(material.sha256);
    setError(undefined);
    try {
      const url = URL.createObjectURL(await api.material(material.sha256));
      const link = document.createElement('a');
      link.href = url;
      link.download = material.fileName || material.sha256;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (reason) {
      setError(new Error(t('case.downloadFailed', { fileName: material.fileName, reason: reason instanceof Error ? reason.message : String(reason) })));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="case-materials-heading">
      <h2 id="case-materials-heading">{t('case.materialsTitle')}</h2>
      <ErrorNotice error={error} />
      {materials.length === 0 ? (
        <p>{t('case.noMaterials')}</p>
      ) : (
        <DataTable labelledBy="case-materials-heading" data-testid="case-materials" columns={[t('case.material'), t('case.fileName'), t('case.issuedAt'), t('case.download')]}>
          {materials.map((material, index) => (
            <tr key={`${material.code}-${material.sha256}-${index}`} data-material={material.code}>
              <th scope="row">{info[material.code]?.name ?? material.code}</th>
              <td className="break">{material.fileName}</td>
              <td className="nowrap">{material.issuedAt ? <time dateTime={material.issuedAt}>{material.issuedAt}</time> : '—'}</td>
              <td>
                <button type="button" disabled={busy === material.sha256} aria-label={t('case.downloadLabel', { fileName: material.fileName })} onClick={() => void download(material)}>
                  {t('case.download')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
