export * from './case-facts';
export * from './case-submitted';
export * from './scope-parity';
