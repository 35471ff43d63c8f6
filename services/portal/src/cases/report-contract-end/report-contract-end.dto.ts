import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** `POST /api/cases/:caseId/contract-end`. */
export class ReportContractEndDto {
  @ApiProperty({ example: '2026-11-30', description: 'The last day of the employment contract (YYYY-MM-DD, in China); not after today.' })
  // The validation pipe puts each constraint's meaning in Chinese beside these English words.
  @IsISO8601({ strict: true }, { message: 'endedOn must be a real date written YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endedOn must be a real date written YYYY-MM-DD' })
  endedOn!: string;

  @ApiProperty({ example: '合同期满，不再续签 / the contract ran out and was not renewed', description: 'Why the contract ended; shown to the agencies and the applicant.' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  reason!: string;
}
