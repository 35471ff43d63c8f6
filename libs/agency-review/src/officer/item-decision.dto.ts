import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { OfficerDecisionKind } from '../review/case-review';
import { REVIEW_STATUSES } from '../review/review-model';
import { QUEUE_SORTS, type QueueSort, type SortOrder } from './queue-item-view';

const DECISIONS: OfficerDecisionKind[] = ['approve', 'reject', 'supplement'];

/** API.md: `{ decision, reason, materials }`. A rejection and a supplement request say why; a supplement request names the documents. */
export class ItemDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision!: OfficerDecisionKind;

  @ApiPropertyOptional({ description: 'Required to reject or to ask for documents; shown to the applicant.' })
  @ValidateIf((dto: ItemDecisionDto) => dto.decision === 'reject' || dto.decision === 'supplement' || dto.reason !== undefined)
  // Checked bottom-up, and only the first failure is reported: "required" before "not a string".
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required to reject or to ask for documents' })
  reason?: string;

  @ApiPropertyOptional({ type: [String], example: ['HEALTH_CERTIFICATE'], description: 'For `supplement`: the catalogue codes of the documents asked for, all at once.' })
  @ValidateIf((dto: ItemDecisionDto) => dto.decision === 'supplement' || dto.materials !== undefined)
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { each: true, message: 'each material must be a material code such as HEALTH_CERTIFICATE' })
  @ArrayMaxSize(50)
  @ArrayNotEmpty({ message: 'materials must name at least one document to ask for' })
  @IsArray()
  materials?: string[];
}

/** `POST /api/items/:caseId/:code/extension`: why the statutory decision limit is extended (told to the applicant). */
export class DecisionLimitExtensionDto {
  @ApiProperty({ description: 'Why the decision needs more time; shown to the applicant with the new last day.' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required to extend the decision limit' })
  reason!: string;
}

export class ItemListQuery {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, { message: `status must be one of ${REVIEW_STATUSES.join(', ')}` })
  status?: (typeof REVIEW_STATUSES)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the items past their due date in China and not final (`true`), or only the others (`false`).' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the undecided items escalated to the lead agency because their statutory limit ran out (`true`), or only the others (`false`).' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'escalated must be true or false' })
  escalated?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'WORK_PERMIT', description: 'Only the items of this code (an item or a step of this agency).' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'item must be an item code such as WORK_PERMIT' })
  item?: string;

  @ApiPropertyOptional({ maxLength: 100, description: "Part of a case id, or of the applicant's name (surname and given names, either order, any case) where this agency's data scope releases names." })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({
    enum: QUEUE_SORTS,
    default: 'priority',
    description: '`priority`: escalated first, then overdue, then soonest due; `due`: by due date (the same as by working days left); `item`: by item code; `status`: in the workflow order of API.md; `submitted`: by the day of submission. Ties keep the priority order.',
  })
  @IsOptional()
  @IsIn(QUEUE_SORTS, { message: `sort must be one of ${QUEUE_SORTS.join(', ')}` })
  sort?: QueueSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'The direction of `sort` (the priority order has one direction only); no due date or day of submission always last.' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: SortOrder;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
