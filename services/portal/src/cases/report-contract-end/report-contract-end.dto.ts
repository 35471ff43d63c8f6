import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** `POST /api/cases/:caseId/contract-end`. */
export class ReportContractEndDto {
  @ApiProperty({ example: '2026-11-30', description: 'The last day of the employment contract (YYYY-MM-DD, in China); not after today.' })
  @IsISO8601({ strict: true }, { message: 'endedOn 须为真实日期，格式 YYYY-MM-DD / endedOn must be a real date written YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endedOn 须为真实日期，格式 YYYY-MM-DD / endedOn must be a real date written YYYY-MM-DD' })
  endedOn!: string;

  @ApiProperty({ example: '合同期满，不再续签 / the contract ran out and was not renewed', description: 'Why the contract ended; shown to the agencies and the applicant.' })
  @MaxLength(500, { message: 'reason 不超过500字 / reason must be at most 500 characters' })
  @IsString({ message: 'reason 须为文字 / reason must be text' })
  @IsNotEmpty({ message: 'reason 必填 / reason is required' })
  reason!: string;
}
