import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { CORS_ALLOWED_HEADERS, corsOf } from './cors';

function optionsFor(origin: string | undefined): CorsOptions {
  let options: CorsOptions | undefined;
  corsOf(['http://127.0.0.1:3000', 'http://localhost:3000'])({ headers: origin === undefined ? {} : { origin } }, (error, given) => {
    expect(error).toBeNull();
    options = given;
  });
  return options as CorsOptions;
}

describe(corsOf.name, () => {
  it('allows a listed origin, without credentials', () => {
    expect(optionsFor('http://localhost:3000')).toMatchObject({ origin: 'http://localhost:3000', credentials: false });
  });

  it('lets the front send its token, JSON, an idempotency key and a purpose', () => {
    expect(optionsFor('http://127.0.0.1:3000').allowedHeaders).toEqual(expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Purpose']));
    expect(CORS_ALLOWED_HEADERS).toContain('X-Purpose');
  });

  it.each([['another origin', 'http://evil.example'], ['a listed host on another port', 'http://127.0.0.1:3001'], ['no origin', undefined]])('gives %s no CORS headers at all', (_, origin) => {
    expect(optionsFor(origin)).toEqual({ origin: false });
  });
});
