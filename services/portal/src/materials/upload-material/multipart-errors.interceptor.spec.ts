import { BadRequestException, HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { MaterialErrorCode, MaterialException } from '../materials.exception';
import { MaterialsSettings } from '../materials-settings';
import { MultipartErrorsInterceptor } from './multipart-errors.interceptor';

describe(MultipartErrorsInterceptor.name, () => {
  const interceptor = new MultipartErrorsInterceptor(new MaterialsSettings(10 * 1024 * 1024));

  it('answers a file over the limit with 413 naming the limit', () => {
    const error = interceptor.translate(new PayloadTooLargeException('File too large')) as MaterialException;
    expect(error.getStatus()).toBe(HttpStatus.PAYLOAD_TOO_LARGE);
    expect(error.getResponse()).toEqual({
      error: { code: MaterialErrorCode.TooLarge, message: expect.stringContaining('10 MiB'), details: [{ field: 'file', message: 'must be at most 10 MiB (10485760 bytes)' }] },
    });
  });

  it('names the field of a file sent in another field', () => {
    const error = interceptor.translate(new BadRequestException('Unexpected field - passport')) as MaterialException;
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(error.details).toEqual([{ field: 'passport', message: expect.stringContaining('Unexpected field') }]);
  });

  it('names the file field for a refusal without a field', () => {
    expect((interceptor.translate(new BadRequestException('Too many fields')) as MaterialException).details).toEqual([{ field: 'file', message: expect.stringContaining('Too many fields') }]);
  });

  it('leaves the platform’s own errors and other statuses alone', () => {
    const own = new MaterialException(MaterialErrorCode.ValidationFailed, 'the request has invalid fields', []);
    expect(interceptor.translate(own)).toBe(own);
    const notFound = new NotFoundException();
    expect(interceptor.translate(notFound)).toBe(notFound);
    const crash = new Error('disk full');
    expect(interceptor.translate(crash)).toBe(crash);
  });
});
