import { localize, message } from '@work-permit/catalogue';
import { loadConfig } from '@work-permit/platform';
import { PortalConfig } from '../portal.config';

describe('the size limit and the quota in words', () => {
  it('writes sizes in binary units, with the exact count beside them, in both languages', () => {
    expect(localize(message('portal.material.size_limit', { maxBytes: 10 * 1024 * 1024 }))).toEqual({ zh: '不得超过10 MiB（10485760字节）', en: 'must be at most 10 MiB (10485760 bytes)' });
    expect(localize(message('portal.material.size_limit', { maxBytes: 1536 })).en).toBe('must be at most 1.5 KiB (1536 bytes)');
    expect(localize(message('portal.material.size_limit', { maxBytes: 900 }))).toEqual({ zh: '不得超过900字节', en: 'must be at most 900 bytes' });
    expect(localize(message('portal.material.quota_exceeded', { quotaBytes: 200 * 1024 * 1024 })).en).toMatch(/^the document would take your uploads past your quota of 200 MiB \(209715200 bytes\)/);
  });
});

describe('PortalConfig, materials', () => {
  const load = (env: Record<string, string> = {}) => loadConfig(PortalConfig, env, { PORT: 3000, DATABASE_NAME: 'weihai_portal' });

  it('keeps documents on the local disk, 10 MiB at most and 200 MiB a subject, by default', () => {
    const config = load();
    expect(config.MATERIALS_MAX_BYTES).toBe(10_485_760);
    expect(config.MATERIALS_QUOTA_BYTES_PER_SUBJECT).toBe(209_715_200);
    expect(config.MATERIALS_DIR).toBe('.local/materials');
    expect(config.MATERIALS_S3_BUCKET).toBeUndefined();
    expect(config.MATERIALS_S3_FORCE_PATH_STYLE).toBe(false);
  });

  it('reads the S3 settings', () => {
    const config = load({
      MATERIALS_S3_BUCKET: 'weihai-materials',
      MATERIALS_S3_ENDPOINT: 'http://127.0.0.1:9000',
      MATERIALS_S3_ACCESS_KEY_ID: 'key',
      MATERIALS_S3_SECRET_ACCESS_KEY: 'secret',
      MATERIALS_S3_FORCE_PATH_STYLE: 'true',
      MATERIALS_MAX_BYTES: '2048',
    });
    expect(config).toMatchObject({ MATERIALS_S3_BUCKET: 'weihai-materials', MATERIALS_S3_ENDPOINT: 'http://127.0.0.1:9000', MATERIALS_S3_FORCE_PATH_STYLE: true, MATERIALS_MAX_BYTES: 2048 });
  });

  it('stops at boot on a bad value, naming the variable', () => {
    expect(() => load({ MATERIALS_MAX_BYTES: 'ten' })).toThrow(/MATERIALS_MAX_BYTES/);
    expect(() => load({ MATERIALS_QUOTA_BYTES_PER_SUBJECT: '-1' })).toThrow(/MATERIALS_QUOTA_BYTES_PER_SUBJECT/);
    expect(() => load({ MATERIALS_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/MATERIALS_S3_BUCKET/);
    expect(() => load({ MATERIALS_S3_ENDPOINT: 'minio:9000' })).toThrow(/MATERIALS_S3_ENDPOINT/);
    expect(() => load({ MATERIALS_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/MATERIALS_S3_FORCE_PATH_STYLE/);
  });

  it('wants both S3 keys or neither', () => {
    expect(() => load({ MATERIALS_S3_ACCESS_KEY_ID: 'key' })).toThrow(/MATERIALS_S3_SECRET_ACCESS_KEY \(/);
    expect(() => load({ MATERIALS_S3_SECRET_ACCESS_KEY: 'secret' })).toThrow(/MATERIALS_S3_ACCESS_KEY_ID \(/);
  });
});
