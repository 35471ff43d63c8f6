export { asWritten, fromWire, isKnownMessage, isMessage, localize, message, messageOrWritten, officerReason, onTheWire, render, toWire, type WireReason } from './message';
export { MESSAGES, type MessageCode, type ParamsOf } from './message-catalogue';
export type { Message, MessageParam, MessageParams } from './phrase';
export { FLAG_WORDS, STATUS_WORDS } from './words';
