export * from './case-facts';
export * from './case-submitted';
