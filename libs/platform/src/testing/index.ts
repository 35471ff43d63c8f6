// Test helpers for services (`@work-permit/platform/testing`); never imported by production code.
export * from './service-under-test';
export * from './service-smoke';
export * from './consuming-only';
