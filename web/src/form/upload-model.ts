/**
 * One material slot's upload, as plain functions: what the portal accepts (`GET /api/web-config`),
 * the browser's own check of a chosen or dropped file before anything is sent, and the slot's state
 * from choosing to stored (with the bytes sent so far) or refused.
 */

/** What the portal takes: its `materialsMaxBytes` and `materialsContentTypes`. */
export interface MaterialLimits {
  maxBytes?: number;
  contentTypes: readonly string[];
}

/** The types the portal has always taken, for a portal that does not yet say (`materialsContentTypes` absent). */
export const DEFAULT_CONTENT_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** The file-name endings of a content type, as a file picker and a reader know them; the first one names the type. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

export function limitsOf(config: { materialsMaxBytes?: number; materialsContentTypes?: readonly string[] }): MaterialLimits {
  const contentTypes = config.materialsContentTypes && config.materialsContentTypes.length > 0 ? config.materialsContentTypes : DEFAULT_CONTENT_TYPES;
  return config.materialsMaxBytes ? { maxBytes: config.materialsMaxBytes, contentTypes } : { contentTypes };
}

/** The `accept` attribute of the file input: each type and its endings (a picker filters on either). */
export function acceptAttribute(limits: MaterialLimits): string {
  return limits.contentTypes.flatMap((type) => [...(EXTENSIONS[type] ?? []).map((extension) => `.${extension}`), type]).join(',');
}

/** The types for a reader: PDF, JPEG, PNG. */
export function typeNames(limits: MaterialLimits): string[] {
  return limits.contentTypes.map((type) => (EXTENSIONS[type]?.[0] === 'jpg' ? 'JPEG' : (EXTENSIONS[type]?.[0] ?? type.split('/').pop() ?? type).toUpperCase()));
}

/**
 * A size for a reader, in MB from 1 MB up and KB below, with one decimal at most (10 MB, 10.5 MB, 512 KB),
 * rounded up: a file over the limit never reads as the limit itself.
 */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['MB', bytes / 1024 / 1024] : ['KB', bytes / 1024];
  return `${Math.ceil(size * 10) / 10} ${unit}`;
}

/** Why the browser keeps a file back, before sending it. */
export type UploadRefusal =
  | { reason: 'too_large'; fileName: string; size: number; maxBytes: number }
  | { reason: 'wrong_type'; fileName: string }
  | { reason: 'empty'; fileName: string }
  | { reason: 'several'; count: number };

/** What the browser knows of a file: its name, size and the type it guesses from the name. */
export interface FileFacts {
  name: string;
  size: number;
  type: string;
}

/**
 * The refusal of `files` (those chosen or dropped on one slot), or undefined when the one file may go.
 * The type is taken from the browser's guess or, when it has none, the name's ending; the portal decides
 * again by the content, so a PDF that is not one is still refused there.
 */
export function checkFiles(files: readonly FileFacts[], limits: MaterialLimits): UploadRefusal | undefined {
  if (files.length !== 1) return { reason: 'several', count: files.length };
  const [file] = files;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const typeKnown = file.type !== '' && limits.contentTypes.includes(file.type);
  const extensionKnown = file.type === '' && extension !== undefined && limits.contentTypes.some((type) => EXTENSIONS[type]?.includes(extension));
  if (!typeKnown && !extensionKnown) return { reason: 'wrong_type', fileName: file.name };
  if (limits.maxBytes !== undefined && file.size > limits.maxBytes) return { reason: 'too_large', fileName: file.name, size: file.size, maxBytes: limits.maxBytes };
  if (file.size === 0) return { reason: 'empty', fileName: file.name };
  return undefined;
}

/** A slot's upload, from nothing chosen to stored. A refusal or failure keeps what the slot held before. */
export type UploadState =
  | { phase: 'idle' }
  | { phase: 'refused'; refusal: UploadRefusal }
  | { phase: 'uploading'; fileName: string; loaded: number; total: number }
  | { phase: 'stored'; fileName: string }
  | { phase: 'failed'; fileName: string; message: string };

export type UploadEvent =
  | { type: 'refused'; refusal: UploadRefusal }
  | { type: 'started'; fileName: string; total: number }
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'stored'; fileName: string }
  | { type: 'failed'; message: string }
  | { type: 'cleared' };

export const IDLE: UploadState = { phase: 'idle' };

export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'refused':
      return { phase: 'refused', refusal: event.refusal };
    case 'started':
      return { phase: 'uploading', fileName: event.fileName, loaded: 0, total: event.total };
    case 'progress':
      // Late progress of an upload already over (or replaced) changes nothing; the bytes sent never go back.
      if (state.phase !== 'uploading') return state;
      return { ...state, loaded: Math.min(Math.max(state.loaded, event.loaded), event.total), total: event.total };
    case 'stored':
      return state.phase === 'uploading' ? { phase: 'stored', fileName: event.fileName } : state;
    case 'failed':
      return state.phase === 'uploading' ? { phase: 'failed', fileName: state.fileName, message: event.message } : state;
    case 'cleared':
      return IDLE;
  }
}

/** How much of the upload has been sent, 0–100 (whole percent), while one is under way. */
export function percentOf(state: UploadState): number | undefined {
  if (state.phase !== 'uploading') return undefined;
  if (state.total <= 0) return 0;
  return Math.floor((state.loaded / state.total) * 100);
}
