/** What a subject has uploaded so far, as the quota counts it. */
export interface UploadUsage {
  /** The sizes of the distinct documents the subject uploaded, summed. */
  usedBytes: number;
  /** The subject uploaded these very bytes before: keeping them again costs nothing. */
  alreadyTheirs: boolean;
}

/** Whether a document of `size` bytes fits the subject's quota: the same bytes again always do. */
export function fitsQuota(usage: UploadUsage, size: number, quotaBytes: number): boolean {
  return usage.alreadyTheirs || usage.usedBytes + size <= quotaBytes;
}
