import { agencyUrls, WebSettingsError } from './web-settings';

describe(agencyUrls.name, () => {
  it('defaults every agency to its local port', () => {
    expect(agencyUrls(undefined)).toEqual({
      approval: 'http://127.0.0.1:3001',
      scitech: 'http://127.0.0.1:3002',
      psb: 'http://127.0.0.1:3003',
      hrss: 'http://127.0.0.1:3004',
      bigdata: 'http://127.0.0.1:3005',
    });
  });

  it('takes the configured addresses, without trailing slashes', () => {
    const urls = agencyUrls('psb=https://crj.weihai.example/, bigdata=http://10.0.0.5:8080/sharing');
    expect(urls.psb).toBe('https://crj.weihai.example');
    expect(urls.bigdata).toBe('http://10.0.0.5:8080/sharing');
    expect(urls.approval).toBe('http://127.0.0.1:3001');
  });

  it('refuses unknown agencies and non-URLs, naming them', () => {
    expect(() => agencyUrls('police=http://x')).toThrow(new WebSettingsError('WEB_AGENCY_URLS: unknown agency "police" (known: approval, scitech, psb, hrss, bigdata)'));
    expect(() => agencyUrls('psb=ftp://x')).toThrow(/"psb" needs an http\(s\) URL/);
  });
});
