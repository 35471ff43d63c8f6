import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import type { Text } from '../api/types';
import { pick } from '../i18n/i18n';
import { useApp } from '../session/app-context';
import type { AttachedMaterial } from './form-model';

export const ACCEPTED_DOCUMENTS = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export interface MaterialSlot {
  code: string;
  name: Text;
  required: boolean;
  validityMonths?: number;
  condition?: Text;
  items?: string[];
}

/**
 * One material: pick a file (uploaded to the portal at once, kept by its sha256) and the date it was
 * issued, which the rules check against the material's validity.
 */
export function MaterialUpload({
  slot,
  value,
  onChange,
  error,
  issuedAt: keptIssuedAt,
  onIssuedAt,
}: {
  slot: MaterialSlot;
  value?: AttachedMaterial;
  onChange(next: AttachedMaterial | undefined): void;
  error?: string;
  /** With `onIssuedAt`: the date kept by the form (it outlives this slot while another step is shown). */
  issuedAt?: string;
  onIssuedAt?(value: string): void;
}) {
  const { t, i18n } = useTranslation();
  const { api, config } = useApp();
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const [ownIssuedAt, setOwnIssuedAt] = useState(value?.issuedAt ?? '');
  const issuedAt = onIssuedAt ? (keptIssuedAt ?? value?.issuedAt ?? '') : ownIssuedAt;
  const setIssuedAt = onIssuedAt ?? setOwnIssuedAt;
  const shown = uploadError ?? error;

  async function upload(file: File | undefined) {
    setUploadError(undefined);
    if (!file) return;
    if (config.materialsMaxBytes && file.size > config.materialsMaxBytes) {
      setUploadError(t('upload.tooLarge', { max: Math.floor(config.materialsMaxBytes / 1024 / 1024) }));
      return;
    }
    setUploading(true);
    try {
      const stored = await api.uploadMaterial(file);
      onChange({ code: slot.code, sha256: stored.sha256, fileName: stored.fileName, issuedAt });
    } catch (reason) {
      setUploadError(reason instanceof ApiError ? (reason.details.map((d) => d.message).join('; ') || reason.message) : String(reason));
    } finally {
      setUploading(false);
    }
  }

  return (
    <fieldset className={`material${shown ? ' has-error' : ''}`} data-material={slot.code}>
      <legend>
        {pick(slot.name, i18n.language)} {slot.required ? <span className="required-mark">*</span> : <span className="muted">({t('optional')})</span>}
      </legend>
      {slot.condition && <p className="hint">{pick(slot.condition, i18n.language)}</p>}
      {slot.validityMonths !== undefined && <p className="hint">{t('upload.validity', { months: slot.validityMonths })}</p>}
      <div className="material-controls">
        <label htmlFor={`${id}-file`}>{t('upload.file')}</label>
        <input id={`${id}-file`} name={`materials.${slot.code}.file`} type="file" accept={ACCEPTED_DOCUMENTS} aria-describedby={`${id}-status`} onChange={(event) => void upload(event.target.files?.[0])} />
        <label htmlFor={`${id}-issued`}>{t('upload.issuedAt')}</label>
        <input
          id={`${id}-issued`}
          name={`materials.${slot.code}.issuedAt`}
          type="date"
          value={issuedAt}
          required={slot.required}
          onChange={(event) => {
            setIssuedAt(event.target.value);
            if (value) onChange({ ...value, issuedAt: event.target.value });
          }}
        />
      </div>
      <p id={`${id}-status`} className="hint" aria-live="polite">
        {uploading ? t('upload.uploading') : value ? t('upload.stored', { fileName: value.fileName, sha: value.sha256.slice(0, 12) }) : t('upload.none')}
      </p>
      {shown && (
        <p className="field-error" role="alert" data-material-error={slot.code}>
          {shown}
        </p>
      )}
    </fieldset>
  );
}
