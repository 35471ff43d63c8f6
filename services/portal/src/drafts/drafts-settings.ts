/** The drafts' settings, read once from PortalConfig (README.md, Settings). */
export class DraftsSettings {
  constructor(
    readonly ttlDays: number,
    readonly maxBytes: number,
    readonly maxPerOwner: number,
    readonly purgeIntervalMs: number,
  ) {}
}

export function draftsSettingsOf(config: { DRAFTS_TTL_DAYS: number; DRAFTS_MAX_BYTES: number; DRAFTS_MAX_PER_OWNER: number; DRAFTS_PURGE_INTERVAL_MS: number }): DraftsSettings {
  return new DraftsSettings(config.DRAFTS_TTL_DAYS, config.DRAFTS_MAX_BYTES, config.DRAFTS_MAX_PER_OWNER, config.DRAFTS_PURGE_INTERVAL_MS);
}
