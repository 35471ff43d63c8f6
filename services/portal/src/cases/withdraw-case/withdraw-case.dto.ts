import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class WithdrawCaseDto {
  @ApiPropertyOptional({ example: 'the applicant took another offer' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
