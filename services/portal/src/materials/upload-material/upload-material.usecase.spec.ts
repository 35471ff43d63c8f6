import type { Principal } from '@work-permit/auth';
import { Clock } from '@work-permit/platform';
import { createHash } from 'node:crypto';
import type { MaterialStorage } from '../material-storage';
import type { MaterialRepository, UploadRecord } from '../material.repository';
import { MaterialException } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';
import type { UploadUsage } from '../upload-quota';
import type { StagedUpload } from './staged-upload.storage';
import { UploadMaterialUseCase } from './upload-material.usecase';

const applicant: Principal = { subject: 'applicant-1', role: 'applicant', identity: { passportNo: 'C01X00T47', nationality: 'DEU' } };
const NOW = new Date('2026-11-29T08:00:00Z');
const MAX_BYTES = 1024;
const QUOTA = 4096;

/** An upload as the staging storage hands it over. */
function staged(bytes: Buffer): StagedUpload {
  return { path: '/staging/x.upload', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), head: bytes.subarray(0, 16) };
}

describe(UploadMaterialUseCase.name, () => {
  let kept: { sha256: string; path: string; contentType: string }[];
  let recorded: UploadRecord[];
  let usage: UploadUsage;
  let recordAnswer: 'recorded' | 'over_quota';
  let useCase: UploadMaterialUseCase;

  beforeEach(() => {
    kept = [];
    recorded = [];
    usage = { usedBytes: 0, alreadyTheirs: false };
    recordAnswer = 'recorded';
    const storage: MaterialStorage = {
      stagingDirectory: '/staging',
      keep: async (sha256, file, contentType) => void kept.push({ sha256, path: file.path, contentType }),
      get: async () => undefined,
    };
    const repository = {
      usageOf: async () => usage,
      record: async (upload: UploadRecord, quota: number) => {
        expect(quota).toBe(QUOTA);
        if (recordAnswer === 'recorded') recorded.push(upload);
        return recordAnswer;
      },
    } as unknown as MaterialRepository;
    const clock = Object.assign(new Clock(), { now: () => NOW });
    useCase = new UploadMaterialUseCase(storage, repository, new MaterialsSettings(MAX_BYTES, QUOTA), clock);
  });

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MaterialException);
    return error as MaterialException;
  };

  it('keeps the staged bytes under their sha256 before recording them, with the type the bytes tell', async () => {
    const file = staged(Buffer.from('%PDF-1.7 hello'));
    const result = await useCase.execute({ principal: applicant, file: { originalName: 'scan.png', staged: file }, otherFields: [] });
    expect(result).toEqual({ sha256: file.sha256, fileName: 'scan.png', size: file.size, contentType: 'application/pdf' });
    expect(kept).toEqual([{ sha256: file.sha256, path: file.path, contentType: 'application/pdf' }]);
    expect(recorded).toEqual([{ sha256: file.sha256, fileName: 'scan.png', size: file.size, contentType: 'application/pdf', uploadedBy: applicant, uploadedAt: NOW }]);
  });

  it('refuses content that is no PDF, JPEG or PNG, naming the file field', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'passport.pdf', staged: staged(Buffer.from('just text')) }, otherFields: [] }));
    expect(error.getStatus()).toBe(400);
    expect(error.details).toEqual([
      { field: 'file', message: expect.stringContaining('PDF、JPEG 或 PNG'), messages: { zh: expect.stringContaining('PDF、JPEG 或 PNG'), en: expect.stringContaining('PDF, JPEG or PNG') } },
    ]);
    expect(error.getResponse()).toMatchObject({ error: { code: 'validation_failed', message: '请求中有无效字段', messages: { en: 'the request has invalid fields' } } });
    expect(kept).toEqual([]);
  });

  it('names every problem at once: no file, and each unknown field', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, otherFields: ['caseId', 'note'] }));
    expect(error.details).toEqual([
      { field: 'caseId', message: '未知字段', messages: { zh: '未知字段', en: 'unknown field' } },
      { field: 'note', message: '未知字段', messages: { zh: '未知字段', en: 'unknown field' } },
      { field: 'file', message: expect.stringContaining('必填'), messages: { zh: expect.stringContaining('必填'), en: expect.stringContaining('is required') } },
    ]);
  });

  it('refuses an empty file', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', staged: staged(Buffer.alloc(0)) }, otherFields: [] }));
    expect(error.details).toEqual([{ field: 'file', message: '文件为空', messages: { zh: '文件为空', en: 'is empty' } }]);
  });

  it('answers a file over the limit with 413, naming the limit', async () => {
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', staged: staged(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_BYTES)])) }, otherFields: [] }));
    expect(error.getStatus()).toBe(413);
    expect(error.details).toEqual([{ field: 'file', message: '不得超过1 KiB（1024字节）', messages: { zh: '不得超过1 KiB（1024字节）', en: 'must be at most 1 KiB (1024 bytes)' } }]);
  });

  it('answers a document past the uploader’s quota with 413 material_quota_exceeded and keeps nothing', async () => {
    usage = { usedBytes: QUOTA - 10, alreadyTheirs: false };
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', staged: staged(Buffer.from('%PDF-1.7 eleven+')) }, otherFields: [] }));
    expect(error.getStatus()).toBe(413);
    expect(error.code).toBe('material_quota_exceeded');
    expect(error.details).toEqual([
      { field: 'file', message: expect.stringContaining('配额4 KiB（4096字节）'), messages: { zh: expect.stringContaining('配额4 KiB（4096字节）'), en: expect.stringContaining('quota of 4 KiB (4096 bytes)') } },
    ]);
    expect(kept).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('takes the same bytes again from a subject at the quota', async () => {
    usage = { usedBytes: QUOTA, alreadyTheirs: true };
    await useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', staged: staged(Buffer.from('%PDF-1.7 again')) }, otherFields: [] });
    expect(recorded).toHaveLength(1);
  });

  it('refuses when another upload of the subject took the last room meanwhile, writing no row', async () => {
    recordAnswer = 'over_quota';
    const error = await refusal(useCase.execute({ principal: applicant, file: { originalName: 'a.pdf', staged: staged(Buffer.from('%PDF-1.7 race')) }, otherFields: [] }));
    expect(error.code).toBe('material_quota_exceeded');
    expect(recorded).toEqual([]);
  });
});
