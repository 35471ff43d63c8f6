export * from './case-facts';
