export * from './case-facts';
export * from './case-submitted';
export * from './scope-parity';
export * from './replicas-under-load';
