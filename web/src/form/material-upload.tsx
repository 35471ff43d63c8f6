import { type DragEvent, useEffect, useId, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import type { Text } from '../api/types';
import { UploadNetworkError } from '../api/upload-request';
import { pick } from '../i18n/i18n';
import { useApp } from '../session/app-context';
import type { AttachedMaterial } from './form-model';
import { acceptAttribute, checkFiles, formatBytes, IDLE, limitsOf, percentOf, typeNames, type UploadRefusal, uploadReducer } from './upload-model';

export interface MaterialSlot {
  code: string;
  name: Text;
  required: boolean;
  validityMonths?: number;
  condition?: Text;
  items?: string[];
}

/**
 * One material: a file chosen (by click or keyboard) or dropped on the slot, checked in the browser
 * against what the portal takes (said before choosing), uploaded at once with its progress shown and
 * kept by its sha256; and the date it was issued, which the rules check against the material's
 * validity. A new file replaces the slot's document only once it is stored: the slot holds one.
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
  const limits = useMemo(() => limitsOf(config), [config]);
  const [state, dispatch] = useReducer(uploadReducer, IDLE);
  const [dragging, setDragging] = useState(false);
  const [ownIssuedAt, setOwnIssuedAt] = useState(value?.issuedAt ?? '');
  const issuedAt = onIssuedAt ? (keptIssuedAt ?? value?.issuedAt ?? '') : ownIssuedAt;
  const setIssuedAt = onIssuedAt ?? setOwnIssuedAt;
  // The date as it is when an upload ends, which may be after it was changed during the upload.
  const latestIssuedAt = useRef(issuedAt);
  useEffect(() => {
    latestIssuedAt.current = issuedAt;
  }, [issuedAt]);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const separator = i18n.language === 'zh' ? '、' : ', ';
  const types = typeNames(limits).join(separator);
  const name = pick(slot.name, i18n.language);

  function refusalText(refusal: UploadRefusal): string {
    switch (refusal.reason) {
      case 'too_large':
        return t('upload.tooLarge', { fileName: refusal.fileName, size: formatBytes(refusal.size), max: formatBytes(refusal.maxBytes) });
      case 'wrong_type':
        return t('upload.wrongType', { fileName: refusal.fileName, types });
      case 'empty':
        return t('upload.empty', { fileName: refusal.fileName });
      case 'several':
        return t('upload.several', { count: refusal.count });
    }
  }

  function failureText(reason: unknown, fileName: string): string {
    if (reason instanceof UploadNetworkError) return t('upload.network', { fileName });
    const said = reason instanceof ApiError ? reason.details.map((detail) => detail.message).join('; ') || reason.message : String(reason);
    return t('upload.failed', { fileName, reason: said });
  }

  async function upload(files: File[]) {
    if (files.length === 0) return; // the picker closed without a choice, or something not a file was dropped
    const refusal = checkFiles(files, limits);
    if (refusal) {
      dispatch({ type: 'refused', refusal });
      return;
    }
    const [file] = files;
    // A newer choice wins: the one still under way is dropped, and its answer with it.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    dispatch({ type: 'started', fileName: file.name, total: file.size });
    try {
      const stored = await api.uploadMaterial(file, { signal: controller.signal, onProgress: ({ loaded, total }) => dispatch({ type: 'progress', loaded, total }) });
      dispatch({ type: 'stored', fileName: stored.fileName });
      onChange({ code: slot.code, sha256: stored.sha256, fileName: stored.fileName, issuedAt: latestIssuedAt.current });
    } catch (reason) {
      if (controller.signal.aborted) return;
      dispatch({ type: 'failed', message: failureText(reason, file.name) });
    } finally {
      if (inFlight.current === controller) inFlight.current = undefined;
    }
  }

  function onDragOver(event: DragEvent) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDragLeave(event: DragEvent) {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  }

  const percent = percentOf(state);
  const problem = state.phase === 'refused' ? refusalText(state.refusal) : state.phase === 'failed' ? state.message : undefined;
  const shown = problem ? (value ? `${problem} ${t('upload.kept')}` : problem) : error;
  const status =
    state.phase === 'uploading'
      ? value
        ? t('upload.replacing', { fileName: state.fileName, previous: value.fileName })
        : t('upload.uploading', { fileName: state.fileName })
      : value
        ? t('upload.stored', { fileName: value.fileName, sha: value.sha256.slice(0, 12) })
        : t('upload.none');

  return (
    <fieldset className={`material${shown ? ' has-error' : ''}`} data-material={slot.code} data-upload-phase={state.phase}>
      <legend>
        {name} {slot.required ? <span className="required-mark">*</span> : <span className="muted">({t('optional')})</span>}
      </legend>
      {slot.condition && <p className="hint">{pick(slot.condition, i18n.language)}</p>}
      {slot.validityMonths !== undefined && <p className="hint">{t('upload.validity', { months: slot.validityMonths })}</p>}
      <div className="material-controls">
        <div className={`drop-zone${dragging ? ' dragging' : ''}`} data-drop-zone={slot.code} onDragEnter={onDragOver} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
          <input
            id={`${id}-file`}
            className="drop-zone-input"
            name={`materials.${slot.code}.file`}
            type="file"
            accept={acceptAttribute(limits)}
            aria-describedby={`${id}-limits ${id}-status`}
            aria-invalid={shown ? true : undefined}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              // Emptied, so choosing the same file again after a refusal is a change too.
              event.target.value = '';
              void upload(files);
            }}
          />
          <label htmlFor={`${id}-file`} className="drop-zone-label">
            <span className="button">
              {t(value ? 'upload.replace' : 'upload.choose')}
              <span className="visually-hidden">
                {i18n.language === 'zh' ? '：' : ': '}
                {name}
              </span>
            </span>{' '}
            <span className="drop-zone-hint">{t(dragging ? 'upload.dropNow' : 'upload.drop')}</span>
          </label>
          <p id={`${id}-limits`} className="hint" data-upload-limits={slot.code}>
            {limits.maxBytes !== undefined ? t('upload.limits', { types, max: formatBytes(limits.maxBytes) }) : t('upload.limitsAnySize', { types })}
          </p>
        </div>
        <div>
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
      </div>
      <p id={`${id}-status`} className="hint upload-status" aria-live="polite">
        {status}
      </p>
      {state.phase === 'uploading' && (
        <div className="upload-progress">
          <progress id={`${id}-progress`} max={100} value={percent} aria-label={t('upload.progress', { fileName: state.fileName })} data-upload-percent={percent} />
          <span aria-hidden="true">{percent}%</span>
        </div>
      )}
      {shown && (
        <p className="field-error" role="alert" data-material-error={slot.code}>
          {shown}
        </p>
      )}
    </fieldset>
  );
}
