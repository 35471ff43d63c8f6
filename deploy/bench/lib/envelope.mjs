// Reads the few envelope and payload fields the bench needs straight from the protobuf wire format
// (proto/weihai/events/v1/envelope.proto, item.proto): no build step, and cheap enough to run on
// every message of every agency topic without slowing the machine under test.

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

/** Calls `onField(number, wireType, value)` per field; value is a number (varint) or a Buffer slice. */
function readFields(bytes, onField) {
  let at = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    const number = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (wireType === WIRE_VARINT) onField(number, wireType, varint());
    else if (wireType === WIRE_LENGTH) {
      const length = varint();
      onField(number, wireType, bytes.subarray(at, at + length));
      at += length;
    } else if (wireType === WIRE_FIXED64) at += 8;
    else if (wireType === WIRE_FIXED32) at += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** `{ eventId, type, caseId, payload }` of an Envelope. */
export function readEnvelope(bytes) {
  const envelope = { eventId: '', type: '', caseId: '', payload: undefined };
  readFields(bytes, (number, _wire, value) => {
    if (number === 1) envelope.eventId = value.toString('utf8');
    else if (number === 2) envelope.type = value.toString('utf8');
    else if (number === 4) envelope.caseId = value.toString('utf8');
    else if (number === 9) envelope.payload = value;
  });
  return envelope;
}

export const Decision = { GRANTED: 1, REJECTED: 2 };
export const ItemStatus = { PENDING: 1, IN_REVIEW: 2, AWAITING_SUPPLEMENT: 3, JOINT_REVIEW: 4, TERMINATED: 5, WITHDRAWN: 6 };

/** ItemDecided: `{ itemCode, decision, category }` (category from the result, for work permits). */
export function readItemDecided(bytes) {
  const decided = { itemCode: '', decision: 0, category: undefined };
  readFields(bytes, (number, _wire, value) => {
    if (number === 2) decided.itemCode = value.toString('utf8');
    else if (number === 5) decided.decision = value;
    else if (number === 9) {
      readFields(value, (resultField, _w, resultValue) => {
        if (resultField === 4) decided.category = resultValue.toString('utf8');
      });
    }
  });
  return decided;
}

/** ItemProgressed: `{ itemCode, status, requestedMaterials }`. */
export function readItemProgressed(bytes) {
  const progressed = { itemCode: '', status: 0, requestedMaterials: [] };
  readFields(bytes, (number, _wire, value) => {
    if (number === 2) progressed.itemCode = value.toString('utf8');
    else if (number === 5) progressed.status = value;
    else if (number === 8) progressed.requestedMaterials.push(value.toString('utf8'));
  });
  return progressed;
}
