export * from './example-body';
