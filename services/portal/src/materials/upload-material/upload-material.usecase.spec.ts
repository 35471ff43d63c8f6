import type { Principal } from '@work-permit/auth';
import { Clock } from '@work-permit/platform';
import { createHash } from 'node:crypto';
import type { MaterialStorage } from '../material-storage';
import type { MaterialRepository, UploadRecord } from '../material.repository';
import { MaterialException } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';
import { UploadMaterialUseCase } from './upload-material.usecase';

const applicant: Principal = { subject: 'applicant-1', role: 'applicant' };
const NOW = new Date('2026-11-29T08:00:00Z');

describe(UploadMaterialUseCase.name, () => {
  let stored: { sha256: string; bytes: Buffer; contentType: string }[];
  let recorded: UploadRecord[];
  let useCase: UploadMaterialUseCase;

  beforeEach(() => {
    stored = [];
    recorded = [];
    const storage: MaterialStorage = { put: async (sha256, bytes, contentType) => void stored.push({ sha256, bytes, contentType }), get: async () => undefined };
    const repository = { record: async (upload: UploadRecord) => void recorded.push(upload) } as unknown as MaterialRepository;
    const clock = Object.assign(new Clock(), { now: () => NOW });
    useCase = new UploadMaterialUseCase(storage, repository, new MaterialsSettings(1024), clock);
  });

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MaterialException);
    return error as MaterialException;
  };

  it('stores the bytes under their sha256 before recording them, with the type the bytes tell', async () => {
    const bytes = Buffer.from('%PDF-1.7 hello');
    const result = await useCase.execute({ principal: applicant, file: { originalName: 'scan.png', bytes }, otherFields: [] });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(result).toEqual({ sha256, fileName: 'scan.png', size: bytes.length, contentType: 'application/pdf' });
    expect(stored).toEqual([{ sha256, bytes, contentType: 'application/pdf' }]);
    expect(recorded).toEqual([{ sha256, fileName: 'scan.png', size: bytes.length, contentType: 'application/pdf', uploadedBy: applicant, uploadedAt: NOW }]);
  });

  it('refuses content that is no PDF, JPEG or PNG, naming the file field', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'passport.pdf', bytes: Buffer.from('just text') }, otherFields: [] }));
    expect(error.getStatus()).toBe(400);
    expect(error.details).toEqual([{ field: 'file', message: expect.stringContaining('PDF, JPEG or PNG') }]);
    expect(stored).toEqual([]);
  });

  it('names every problem at once: no file, and each unknown field', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, otherFields: ['caseId', 'note'] }));
    expect(error.details).toEqual([
      { field: 'caseId', message: 'unknown field' },
      { field: 'note', message: 'unknown field' },
      { field: 'file', message: expect.stringContaining('is required') },
    ]);
  });

  it('refuses an empty file', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', bytes: Buffer.alloc(0) }, otherFields: [] }));
    expect(error.details).toEqual([{ field: 'file', message: 'is empty' }]);
  });

  it('answers a file over the limit with 413, naming the limit', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', bytes: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(1024)]) }, otherFields: [] }));
    expect(error.getStatus()).toBe(413);
    expect(error.details).toEqual([{ field: 'file', message: 'must be at most 1 KiB (1024 bytes)' }]);
  });
});
