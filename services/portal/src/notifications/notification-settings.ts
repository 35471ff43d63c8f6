/** The permit reminder settings taken from PortalConfig (README.md, Notifications). */
export class NotificationSettings {
  constructor(
    /** Days before a permit expires on which its holder is reminded, largest first. */
    readonly reminderDays: readonly number[],
    readonly reminderScanIntervalMs: number,
  ) {}
}
