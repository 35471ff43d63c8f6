import { ServiceConfig } from '@work-permit/platform';
import { Type } from 'class-transformer';
import { IsInt, Matches, Min } from 'class-validator';

/** The settings every agency service adds to the platform's. */
export class AgencyServiceConfig extends ServiceConfig {
  /** Item codes an officer always decides, comma-separated (API.md); empty for none. */
  @Matches(/^([A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*)?$/, { message: 'MANUAL_ITEMS must be item codes separated by commas, e.g. PROFESSIONAL_TITLE,RESIDENCE_PERMIT' })
  MANUAL_ITEMS = 'PROFESSIONAL_TITLE';

  /** How often the overdue timer looks for items past their due date. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  OVERDUE_SCAN_INTERVAL_MS = 60_000;

  get manualItems(): ReadonlySet<string> {
    return new Set(this.MANUAL_ITEMS.split(',').filter(Boolean));
  }
}
