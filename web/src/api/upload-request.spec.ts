import { ApiError } from './http';
import { sendUpload, UploadNetworkError, type UploadXhr } from './upload-request';

/** An XMLHttpRequest standing in for the browser's: records what was sent, answers when told. */
class RecordingXhr implements UploadXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body?: FormData;
  aborted = false;
  status = 0;
  statusText = '';
  responseText = '';
  upload: UploadXhr['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown, statusText = '') {
    this.status = status;
    this.statusText = statusText;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const file = () => new File([new Uint8Array(1000)], 'passport.pdf', { type: 'application/pdf' });

describe(sendUpload.name, () => {
  let xhr: RecordingXhr;
  const createXhr = () => (xhr = new RecordingXhr());

  it('posts the file as the multipart field `file` with the headers, leaving the boundary to the browser', async () => {
    const sent = sendUpload<{ sha256: string }>('/api/materials', file(), { createXhr, headers: { Authorization: 'Bearer t', 'Accept-Language': 'en', 'Content-Type': 'application/json' } });
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/materials');
    expect(xhr.headers).toEqual({ Authorization: 'Bearer t', 'Accept-Language': 'en' });
    const part = xhr.body!.get('file') as File;
    expect(part.name).toBe('passport.pdf');
    expect(part.size).toBe(1000);
    xhr.answer(201, { sha256: 'ab'.repeat(32) });
    await expect(sent).resolves.toEqual({ sha256: 'ab'.repeat(32) });
  });

  it('tells the bytes sent as the browser reports them, the file’s size when the total is unknown', async () => {
    const seen: { loaded: number; total: number }[] = [];
    const sent = sendUpload('/api/materials', file(), { createXhr, onProgress: (progress) => seen.push(progress) });
    expect(xhr.upload.onprogress).not.toBeNull();
    xhr.upload.onprogress!({ loaded: 400, total: 1200, lengthComputable: true });
    xhr.upload.onprogress!({ loaded: 800, total: 0, lengthComputable: false });
    xhr.answer(201, {});
    await sent;
    expect(seen).toEqual([
      { loaded: 400, total: 1200 },
      { loaded: 800, total: 1000 },
    ]);
  });

  it("rejects with the server's refusal in the platform's error shape, its details naming the field", async () => {
    const sent = sendUpload('/api/materials', file(), { createXhr });
    xhr.answer(413, { error: { code: 'material_too_large', message: '文件过大', details: [{ field: 'file', message: '不得超过 10485760 字节' }] } }, 'Payload Too Large');
    const error = await sent.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: 'material_too_large', message: '文件过大', details: [{ field: 'file', message: '不得超过 10485760 字节' }] });
  });

  it('rejects with the status line when a proxy answers in another shape', async () => {
    const sent = sendUpload('/api/materials', file(), { createXhr });
    xhr.answer(502, '', 'Bad Gateway');
    await expect(sent).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway' });
  });

  it('rejects with a network error when nothing comes back', async () => {
    const sent = sendUpload('/api/materials', file(), { createXhr });
    xhr.onerror!();
    await expect(sent).rejects.toBeInstanceOf(UploadNetworkError);
  });

  it('aborts the request when the signal does, and sends nothing when it already has', async () => {
    const controller = new AbortController();
    const sent = sendUpload('/api/materials', file(), { createXhr, signal: controller.signal });
    controller.abort();
    expect(xhr.aborted).toBe(true);
    await expect(sent).rejects.toMatchObject({ name: 'AbortError' });

    let created = 0;
    await expect(sendUpload('/api/materials', file(), { createXhr: () => (created++, new RecordingXhr()), signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(created).toBe(0);
  });
});
