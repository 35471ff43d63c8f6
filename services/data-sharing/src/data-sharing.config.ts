import { ServiceConfig } from '@work-permit/platform';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { auditChainKeyOf, IsAuditChainKey } from './record/audit/audit-chain-key';

/** The Big Data Bureau's service's settings; see README.md. */
export class DataSharingConfig extends ServiceConfig {
  /** The HMAC key of the access log's chain; kept out of the database. Required (≥ 32 characters) outside development and test. */
  @IsAuditChainKey()
  AUDIT_CHAIN_KEY?: string;

  /** How often the access log's head is published on sharing.events (only when it moved). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  AUDIT_HEAD_PUBLISH_INTERVAL_MS = 60_000;

  /** How often the service walks the whole access log chain and sets `audit_chain_intact`. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  AUDIT_VERIFY_INTERVAL_MS = 600_000;

  get auditChainKey(): string {
    return auditChainKeyOf(this.AUDIT_CHAIN_KEY, this.NODE_ENV);
  }
}
