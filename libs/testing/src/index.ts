export * from './case-dates';
export * from './infrastructure';
export * from './kafka-topics';
export * from './second-broker';
