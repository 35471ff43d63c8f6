import { attachmentDisposition } from './content-disposition';

describe(attachmentDisposition.name, () => {
  it('names an ASCII file plainly and in filename*', () => {
    expect(attachmentDisposition('passport.pdf')).toBe(`attachment; filename="passport.pdf"; filename*=UTF-8''passport.pdf`);
  });

  it('keeps a Chinese name intact in filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('护照.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A4%E7%85%A7.pdf`);
  });

  it('lets no quote, backslash or semicolon break the header', () => {
    expect(attachmentDisposition(`a"b\\c;d'(e).pdf`)).toBe(`attachment; filename="a_b_c;d'(e).pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%27%28e%29.pdf`);
  });
});
