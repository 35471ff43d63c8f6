import { BadRequestException, ConflictException, type ArgumentsHost } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { inLanguage, localizedApiError } from './api-error';
import { ApiExceptionFilter } from './api-exception.filter';
import { acceptedLanguage, requestLanguage } from './request-language';
import { createValidationPipe } from './validation.pipe';

describe(acceptedLanguage.name, () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['de-DE,en;q=0.7,zh;q=0.5', 'en'],
    ['fr,de', 'zh'],
    ['zh;q=0.4,en;q=0.6', 'en'],
    ['en;q=0,zh;q=0.1', 'zh'],
  ])('reads %p as %s', (header, lang) => {
    expect(acceptedLanguage(header)).toBe(lang);
  });
});

describe(requestLanguage.name, () => {
  it('takes ?lang over the header, and ignores a lang it does not speak', () => {
    expect(requestLanguage({ query: { lang: 'en' }, headers: { 'accept-language': 'zh' } })).toBe('en');
    expect(requestLanguage({ query: { lang: 'fr' }, headers: { 'accept-language': 'en' } })).toBe('en');
    expect(requestLanguage({ query: {}, headers: {} })).toBe('zh');
  });
});

describe(ApiExceptionFilter.name, () => {
  function answer(exception: unknown, request: { query?: Record<string, string>; headers?: Record<string, string> }): { status: number; body: unknown } {
    const sent: { status: number; body: unknown } = { status: 0, body: undefined };
    const response = {
      status(code: number) {
        sent.status = code;
        return this;
      },
      json(body: unknown) {
        sent.body = body;
      },
    };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ query: request.query ?? {}, headers: request.headers ?? {} }) }),
    } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(exception, host);
    return sent;
  }

  const refusal = new ConflictException(localizedApiError('already_final', { zh: '外国人来华工作许可已办结（已批准）', en: 'the work permit is already granted' }));

  it('answers in Chinese by default, with both languages beside it', () => {
    expect(answer(refusal, {})).toEqual({
      status: 409,
      body: { error: { code: 'already_final', message: '外国人来华工作许可已办结（已批准）', messages: { zh: '外国人来华工作许可已办结（已批准）', en: 'the work permit is already granted' } } },
    });
  });

  it('answers in English when the request asks for it', () => {
    expect(answer(refusal, { headers: { 'accept-language': 'en-US,en;q=0.9' } }).body).toMatchObject({ error: { message: 'the work permit is already granted' } });
    expect(answer(refusal, { query: { lang: 'en' } }).body).toMatchObject({ error: { message: 'the work permit is already granted' } });
  });

  it('names every offending field in the request’s language', async () => {
    class Body {
      @IsOptional()
      @IsString()
      name?: string;
    }
    const error = await createValidationPipe()
      .transform({ surprise: 1 }, { type: 'body', metatype: Body })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestException);
    expect(answer(error, {}).body).toEqual({
      error: { code: 'validation_failed', message: '请求中有无效字段', messages: { zh: '请求中有无效字段', en: 'the request has invalid fields' }, details: [{ field: 'surprise', message: '未知字段', messages: { zh: '未知字段', en: 'unknown field' } }] },
    });
    expect(answer(error, { headers: { 'accept-language': 'en' } }).body).toMatchObject({
      error: { message: 'the request has invalid fields', details: [{ field: 'surprise', message: 'unknown field' }] },
    });
  });

  it('leaves an error that has one language as it is', () => {
    expect(inLanguage({ error: { code: 'x', message: 'only this' } }, 'en')).toEqual({ error: { code: 'x', message: 'only this' } });
  });
});
