/** The upload settings taken from PortalConfig (README.md, Materials). */
export class MaterialsSettings {
  constructor(
    /** The largest document accepted, in bytes. */
    readonly maxBytes: number,
    /** The most one subject may upload, in bytes: the sizes of the distinct documents they uploaded, summed. */
    readonly quotaBytesPerSubject: number = Number.MAX_SAFE_INTEGER,
  ) {}

  /** "must be at most 10 MiB (10485760 bytes)". */
  get sizeLimitMessage(): string {
    return `must be at most ${humanBytes(this.maxBytes)} (${this.maxBytes} bytes)`;
  }

  /** "would take your uploads past 200 MiB (209715200 bytes) …". */
  get quotaMessage(): string {
    return `would take your uploads past your quota of ${humanBytes(this.quotaBytesPerSubject)} (${this.quotaBytesPerSubject} bytes); documents you have already uploaded may be referenced again without uploading them`;
  }
}

export function humanBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}
