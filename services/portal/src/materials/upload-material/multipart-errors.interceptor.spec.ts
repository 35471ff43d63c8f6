import { BadRequestException, HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { message } from '@work-permit/catalogue';
import { MaterialErrorCode, MaterialException } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';
import { MultipartErrorsInterceptor } from './multipart-errors.interceptor';

describe(MultipartErrorsInterceptor.name, () => {
  const interceptor = new MultipartErrorsInterceptor(new MaterialsSettings(10 * 1024 * 1024));

  it('answers a file over the limit with 413 naming the limit', () => {
    const error = interceptor.translate(new PayloadTooLargeException('File too large')) as MaterialException;
    expect(error.getStatus()).toBe(HttpStatus.PAYLOAD_TOO_LARGE);
    expect(error.getResponse()).toEqual({
      error: {
        code: MaterialErrorCode.TooLarge,
        message: '文件过大：不得超过10 MiB（10485760字节）',
        messages: { zh: '文件过大：不得超过10 MiB（10485760字节）', en: 'the document is too large: it must be at most 10 MiB (10485760 bytes)' },
        details: [{ field: 'file', message: '不得超过10 MiB（10485760字节）', messages: { zh: '不得超过10 MiB（10485760字节）', en: 'must be at most 10 MiB (10485760 bytes)' } }],
      },
    });
  });

  it('names the field of a file sent in another field', () => {
    const error = interceptor.translate(new BadRequestException('Unexpected field - passport')) as MaterialException;
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(error.details).toEqual([
      { field: 'passport', message: expect.stringMatching(/^Unexpected field - passport：请以 multipart 文件字段“file”上传/), messages: { zh: expect.any(String), en: expect.stringMatching(/^Unexpected field - passport: send exactly one/) } },
    ]);
  });

  it('names the file field for a refusal without a field', () => {
    expect((interceptor.translate(new BadRequestException('Too many fields')) as MaterialException).details).toEqual([
      expect.objectContaining({ field: 'file', messages: { zh: expect.stringContaining('Too many fields'), en: expect.stringContaining('Too many fields') } }),
    ]);
  });

  it('leaves the platform’s own errors and other statuses alone', () => {
    const own = new MaterialException(MaterialErrorCode.ValidationFailed, message('error.validation_failed'), []);
    expect(interceptor.translate(own)).toBe(own);
    const notFound = new NotFoundException();
    expect(interceptor.translate(notFound)).toBe(notFound);
    const crash = new Error('disk full');
    expect(interceptor.translate(crash)).toBe(crash);
  });
});
