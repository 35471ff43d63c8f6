import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DeadLetterStatus } from '@work-permit/messaging';

export const DEAD_LETTER_STATUSES: readonly DeadLetterStatus[] = ['waiting', 'replayed', 'discarded'];

/** The longest discard reason kept (the resolution record's header). */
export const DISCARD_REASON_MAX_LENGTH = 500;

export class DeadLetterListQuery {
  @ApiPropertyOptional({ enum: DEAD_LETTER_STATUSES, description: 'Only the dead letters in this state; all of them when absent.' })
  @IsOptional()
  @IsIn(DEAD_LETTER_STATUSES, { message: `status must be one of ${DEAD_LETTER_STATUSES.join(', ')}` })
  status?: DeadLetterStatus;
}

/** `POST /api/operations/dead-letters/:id/discard`: why the event is given up (kept with the resolution). */
export class DiscardDeadLetterDto {
  @ApiProperty({ maxLength: DISCARD_REASON_MAX_LENGTH, description: 'Why the event is not to be applied; kept in the resolution record with the caller as actor.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  // Checked bottom-up, and only the first failure is reported: "required" before "not a string".
  @MaxLength(DISCARD_REASON_MAX_LENGTH)
  @IsString()
  @IsNotEmpty({ message: 'reason is required to discard a dead letter' })
  reason!: string;
}
