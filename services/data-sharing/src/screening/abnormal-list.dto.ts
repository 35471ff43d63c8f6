import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES } from '@work-permit/auth';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LanguageQuery } from '../http/language-query';
import { ENTRY_STATUSES, type EntryStatus } from './abnormal-list.rules';

/** API.md: `{ passportNo, nationality, reason, source }`, plus the name and birth date for the near-match check. */
export class AbnormalListEntryDto {
  @ApiProperty({ example: 'E12345678' })
  @Matches(/^[A-Za-z0-9 ]{5,20}$/, { message: 'passportNo must be 5 to 20 letters and digits' })
  passportNo!: string;

  @ApiProperty({ example: 'GBR', description: 'ISO 3166-1 alpha-3' })
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an ISO 3166-1 alpha-3 code such as GBR' })
  nationality!: string;

  @ApiProperty({ example: 'Forged degree certificate (case 2026-117)' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  reason!: string;

  @ApiPropertyOptional({ enum: AGENCIES, description: "The reporting agency: the officer's own (the default); another agency's is refused (403 identity_mismatch)." })
  @IsOptional()
  @IsIn(AGENCIES, { message: `source must be one of ${AGENCIES.join(', ')}` })
  source?: string;

  @ApiPropertyOptional({ example: 'SMITH' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  surname?: string;

  @ApiPropertyOptional({ example: 'JOHN' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  givenNames?: string;

  @ApiPropertyOptional({ example: '1980-01-31' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'birthDate must be a date written YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date written YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'The last day (in China) the entry applies; not in the past. Absent: until lifted.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresOn must be a date written YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresOn must be a date written YYYY-MM-DD' })
  expiresOn?: string;
}

/** `GET /api/abnormal-list?status=&lang=`. */
export class AbnormalListQueryDto extends LanguageQuery {
  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @IsOptional()
  @IsIn(ENTRY_STATUSES, { message: `status must be one of ${ENTRY_STATUSES.join(', ')}` })
  status?: EntryStatus;
}

export class LiftEntryDto {
  @ApiProperty({ example: 'The court quashed the conviction (2026-219)' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  reason!: string;
}

export class ScreeningDecisionDto {
  @ApiProperty({ enum: ['clear', 'listed'] })
  @IsIn(['clear', 'listed'], { message: 'decision must be clear or listed' })
  decision!: 'clear' | 'listed';

  @ApiProperty({ description: 'Why; recorded, and shown to the joint review when listed.' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  reason!: string;
}
