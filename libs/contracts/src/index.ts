export * from './topics';
export * from './event-catalogue';
export * from './envelope-codec';
export * from './applicant-id';
export * from './gen/weihai/events/v1/envelope_pb';
export * from './gen/weihai/events/v1/case_pb';
export * from './gen/weihai/events/v1/item_pb';
