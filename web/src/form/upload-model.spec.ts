import { acceptAttribute, checkFiles, DEFAULT_CONTENT_TYPES, formatBytes, IDLE, limitsOf, percentOf, typeNames, uploadReducer, type UploadState } from './upload-model';

const MB = 1024 * 1024;
const limits = limitsOf({ materialsMaxBytes: 10 * MB, materialsContentTypes: ['application/pdf', 'image/jpeg', 'image/png'] });
const pdf = (size = 1000, name = 'passport.pdf', type = 'application/pdf') => ({ name, size, type });

describe('material limits', () => {
  it('takes the size and types the portal gives, and the types it always took when it names none', () => {
    expect(limits).toEqual({ maxBytes: 10 * MB, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'] });
    expect(limitsOf({ materialsMaxBytes: 5 * MB })).toEqual({ maxBytes: 5 * MB, contentTypes: DEFAULT_CONTENT_TYPES });
    expect(limitsOf({})).toEqual({ contentTypes: DEFAULT_CONTENT_TYPES });
    expect(limitsOf({ materialsContentTypes: ['application/pdf'] }).contentTypes).toEqual(['application/pdf']);
  });

  it('offers the file picker each type and its endings, and names the types for a reader', () => {
    expect(acceptAttribute(limits)).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png');
    expect(typeNames(limits)).toEqual(['PDF', 'JPEG', 'PNG']);
    expect(typeNames({ contentTypes: ['image/webp'] })).toEqual(['WEBP']);
  });

  it('writes sizes as a reader counts them, rounded up so a file over the limit never reads as the limit', () => {
    expect(formatBytes(10 * MB)).toBe('10 MB');
    expect(formatBytes(10.5 * MB)).toBe('10.5 MB');
    expect(formatBytes(10 * MB + 1)).toBe('10.1 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(1500)).toBe('1.5 KB');
  });
});

describe(checkFiles.name, () => {
  it('lets one PDF, JPEG or PNG within the limit go', () => {
    expect(checkFiles([pdf()], limits)).toBeUndefined();
    expect(checkFiles([pdf(10 * MB)], limits)).toBeUndefined();
    expect(checkFiles([pdf(2000, 'photo.JPG', 'image/jpeg')], limits)).toBeUndefined();
    expect(checkFiles([pdf(2000, 'scan.png', 'image/png')], limits)).toBeUndefined();
  });

  it('refuses a file over the limit, naming its size and the limit', () => {
    expect(checkFiles([pdf(10 * MB + 1)], limits)).toEqual({ reason: 'too_large', fileName: 'passport.pdf', size: 10 * MB + 1, maxBytes: 10 * MB });
  });

  it('refuses a type the portal does not take, by the browser’s type or, when it has none, by the ending', () => {
    expect(checkFiles([pdf(100, 'contract.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')], limits)).toEqual({ reason: 'wrong_type', fileName: 'contract.docx' });
    expect(checkFiles([pdf(100, 'notes.txt', 'text/plain')], limits)).toEqual({ reason: 'wrong_type', fileName: 'notes.txt' });
    expect(checkFiles([pdf(100, 'scan.pdf', '')], limits)).toBeUndefined();
    expect(checkFiles([pdf(100, 'scan', '')], limits)).toEqual({ reason: 'wrong_type', fileName: 'scan' });
    // A wrong type is said first: it is refused whatever its size.
    expect(checkFiles([pdf(20 * MB, 'film.mp4', 'video/mp4')], limits)).toMatchObject({ reason: 'wrong_type' });
  });

  it('refuses an empty file and more than one file for one slot', () => {
    expect(checkFiles([pdf(0)], limits)).toEqual({ reason: 'empty', fileName: 'passport.pdf' });
    expect(checkFiles([pdf(), pdf()], limits)).toEqual({ reason: 'several', count: 2 });
    expect(checkFiles([], limits)).toEqual({ reason: 'several', count: 0 });
  });

  it('checks no size when the portal names none', () => {
    expect(checkFiles([pdf(100 * MB)], { contentTypes: DEFAULT_CONTENT_TYPES })).toBeUndefined();
  });
});

describe(uploadReducer.name, () => {
  const uploading = (loaded: number, total = 1000): UploadState => ({ phase: 'uploading', fileName: 'passport.pdf', loaded, total });

  it('goes from started through the bytes sent to stored', () => {
    let state = uploadReducer(IDLE, { type: 'started', fileName: 'passport.pdf', total: 1000 });
    expect(state).toEqual(uploading(0));
    expect(percentOf(state)).toBe(0);
    state = uploadReducer(state, { type: 'progress', loaded: 455, total: 1000 });
    expect(percentOf(state)).toBe(45);
    state = uploadReducer(state, { type: 'progress', loaded: 1000, total: 1000 });
    expect(percentOf(state)).toBe(100);
    state = uploadReducer(state, { type: 'stored', fileName: 'passport.pdf' });
    expect(state).toEqual({ phase: 'stored', fileName: 'passport.pdf' });
    expect(percentOf(state)).toBeUndefined();
  });

  it('never moves the bytes sent backwards nor past the total', () => {
    expect(uploadReducer(uploading(600), { type: 'progress', loaded: 300, total: 1000 })).toEqual(uploading(600));
    expect(uploadReducer(uploading(600), { type: 'progress', loaded: 1200, total: 1000 })).toEqual(uploading(1000));
    expect(percentOf(uploading(0, 0))).toBe(0);
  });

  it('keeps a failure with the file’s name and the reason', () => {
    expect(uploadReducer(uploading(500), { type: 'failed', message: '文件内容不是 PDF' })).toEqual({ phase: 'failed', fileName: 'passport.pdf', message: '文件内容不是 PDF' });
  });

  it('ignores what arrives after the upload is over: late progress, a second answer', () => {
    const stored: UploadState = { phase: 'stored', fileName: 'passport.pdf' };
    expect(uploadReducer(stored, { type: 'progress', loaded: 10, total: 1000 })).toBe(stored);
    expect(uploadReducer(stored, { type: 'failed', message: 'late' })).toBe(stored);
    expect(uploadReducer(IDLE, { type: 'stored', fileName: 'x.pdf' })).toBe(IDLE);
  });

  it('a refusal replaces whatever was on show, and a new choice starts afresh', () => {
    const refused = uploadReducer(uploading(500), { type: 'refused', refusal: { reason: 'wrong_type', fileName: 'a.txt' } });
    expect(refused).toEqual({ phase: 'refused', refusal: { reason: 'wrong_type', fileName: 'a.txt' } });
    expect(uploadReducer(refused, { type: 'started', fileName: 'b.pdf', total: 10 })).toEqual({ phase: 'uploading', fileName: 'b.pdf', loaded: 0, total: 10 });
    expect(uploadReducer(refused, { type: 'cleared' })).toBe(IDLE);
  });
});
