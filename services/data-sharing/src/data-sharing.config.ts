import { ServiceConfig } from '@work-permit/platform';
import { IsOptional } from 'class-validator';
import { IsRecordScopes } from './record/record-scopes.validator';

/** The Big Data Bureau's service's settings; see README.md. */
export class DataSharingConfig extends ServiceConfig {
  /** JSON: agency → field patterns of the shared record it may read, replacing that agency's default (src/record/record-scopes.ts). */
  @IsOptional()
  @IsRecordScopes()
  RECORD_SCOPES?: string;
}
