import { ApiError, apiErrorOfText } from './http';

/** The bytes of the body sent so far. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** What of XMLHttpRequest an upload uses (a test hands in its own). */
export interface UploadXhr {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  readonly upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/** The upload did not reach the server or its answer did not come back. */
export class UploadNetworkError extends Error {
  constructor() {
    super('network error during upload');
    this.name = 'UploadNetworkError';
  }
}

export interface SendUploadOptions {
  headers?: Record<string, string>;
  /** Called as the body goes out: fetch cannot tell this, XMLHttpRequest's upload events can. */
  onProgress?(progress: UploadProgress): void;
  signal?: AbortSignal;
  /** The field the file goes in (the portal's `file`). */
  field?: string;
  createXhr?(): UploadXhr;
}

/**
 * POSTs one file as multipart to `url` with XMLHttpRequest, telling the bytes sent as they go.
 * Resolves to the parsed 2xx answer; rejects with the platform's ApiError for any other status,
 * UploadNetworkError when nothing came back, and an AbortError when `signal` aborts.
 */
export function sendUpload<T>(url: string, file: Blob, options: SendUploadOptions = {}): Promise<T> {
  const { headers = {}, onProgress, signal, field = 'file', createXhr = () => new XMLHttpRequest() as unknown as UploadXhr } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('upload aborted', 'AbortError'));
      return;
    }
    const xhr = createXhr();
    const onAbortSignal = () => xhr.abort();
    const settle = (outcome: () => void) => {
      signal?.removeEventListener('abort', onAbortSignal);
      outcome();
    };
    xhr.open('POST', url);
    // The multipart boundary is the browser's to set: no Content-Type here.
    for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() !== 'content-type') xhr.setRequestHeader(name, value);
    // Listening on `upload` before send() is what makes the browser report the upload at all.
    xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () =>
      settle(() => {
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            resolve((xhr.responseText === '' ? undefined : JSON.parse(xhr.responseText)) as T);
          } catch {
            reject(new ApiError(xhr.status, `HTTP_${xhr.status}`, xhr.statusText || 'unreadable answer'));
          }
        } else reject(apiErrorOfText(xhr.status, xhr.statusText, xhr.responseText));
      });
    xhr.onerror = () => settle(() => reject(new UploadNetworkError()));
    xhr.onabort = () => settle(() => reject(new DOMException('upload aborted', 'AbortError')));
    signal?.addEventListener('abort', onAbortSignal);
    const form = new FormData();
    form.append(field, file);
    xhr.send(form);
  });
}
