/** The upload settings taken from PortalConfig (README.md, Materials). */
export class MaterialsSettings {
  constructor(
    /** The largest document accepted, in bytes. */
    readonly maxBytes: number,
    /** The most one subject may upload, in bytes: the sizes of the distinct documents they uploaded, summed. */
    readonly quotaBytesPerSubject: number = Number.MAX_SAFE_INTEGER,
  ) {}
}
