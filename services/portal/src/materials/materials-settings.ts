/** The upload settings taken from PortalConfig (README.md, Materials). */
export class MaterialsSettings {
  constructor(
    /** The largest document accepted, in bytes. */
    readonly maxBytes: number,
  ) {}

  /** "must be at most 10 MiB (10485760 bytes)". */
  get sizeLimitMessage(): string {
    return `must be at most ${humanBytes(this.maxBytes)} (${this.maxBytes} bytes)`;
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
