import { ServiceConfig } from '@work-permit/platform';
import { Type } from 'class-transformer';
import { IsInt, IsUrl, Matches, Min } from 'class-validator';

/** The settings every agency service adds to the platform's. */
export class AgencyServiceConfig extends ServiceConfig {
  /**
   * Item codes an officer decides besides those the catalogue marks `manualByDefault` (the title
   * evaluation), comma-separated (API.md); it can only add to them. Empty for none.
   */
  @Matches(/^([A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*)?$/, { message: 'MANUAL_ITEMS must be item codes separated by commas, e.g. WORK_PERMIT,RESIDENCE_PERMIT' })
  MANUAL_ITEMS = '';

  /** How often the overdue timer looks for items past their due date. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  OVERDUE_SCAN_INTERVAL_MS = 60_000;

  /** The web front as the public reaches it: an e-permit's QR code opens `<PUBLIC_WEB_URL>/verify/<documentNo>`. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'PUBLIC_WEB_URL must be an http(s) URL, e.g. https://work.weihai.gov.cn' })
  PUBLIC_WEB_URL = 'http://127.0.0.1:3000';

  /** How often the formal documents' renderer looks for documents to issue. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  DOCUMENTS_RENDER_INTERVAL_MS = 1_000;

  /** The items MANUAL_ITEMS adds (the catalogue's own manual items join them per catalogue version: `manualItemsOf`). */
  get manualItems(): ReadonlySet<string> {
    return new Set(this.MANUAL_ITEMS.split(',').filter(Boolean));
  }
}
