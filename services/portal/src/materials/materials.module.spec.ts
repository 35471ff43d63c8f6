import type { PortalConfig } from '../portal.config';
import { LocalDiskStorage } from './local-disk.storage';

/** materials.module loaded afresh, with the AWS SDK's S3 client failing whoever loads it. */
function materialStorageForWithoutTheSdk(): typeof import('./materials.module').materialStorageFor {
  let loaded: typeof import('./materials.module') | undefined;
  jest.isolateModules(() => {
    jest.doMock('@aws-sdk/client-s3', () => {
      throw new Error('the S3 client was loaded');
    });
    loaded = require('./materials.module') as typeof import('./materials.module');
  });
  return loaded!.materialStorageFor;
}

describe('materialStorageFor', () => {
  afterEach(() => jest.dontMock('@aws-sdk/client-s3'));

  it('keeps materials on the local disk without loading the S3 client when no bucket is configured', () => {
    const materialStorageFor = materialStorageForWithoutTheSdk();
    const storage = materialStorageFor({ MATERIALS_DIR: '.local/materials' } as PortalConfig);
    expect(storage.constructor.name).toBe(LocalDiskStorage.name);
  });

  it('loads the S3 client only for a bucket', () => {
    const materialStorageFor = materialStorageForWithoutTheSdk();
    expect(() => materialStorageFor({ MATERIALS_DIR: '.local/materials', MATERIALS_S3_BUCKET: 'materials' } as PortalConfig)).toThrow('the S3 client was loaded');
  });
});
