import { requestHeaders, setRequestLanguage } from './http';

describe(requestHeaders.name, () => {
  afterEach(() => setRequestLanguage('zh'));

  it('asks for Chinese unless the reader chose English, and carries the token', () => {
    expect(requestHeaders({})).toEqual({ Accept: 'application/json', 'Accept-Language': 'zh' });
    setRequestLanguage('en');
    expect(requestHeaders({ token: 't' })).toEqual({ Accept: 'application/json', 'Accept-Language': 'en', Authorization: 'Bearer t' });
  });
});
