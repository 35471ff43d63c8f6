import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LanguageQuery } from '../http/language-query';
import { DEFAULT_SERIES_DAYS, MAX_SERIES_DAYS } from './daily-series';

/** `GET /api/stats?days=&to=&lang=`: the window of the daily series, and the language of the reasons' labels. */
export class StatsQueryDto extends LanguageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SERIES_DAYS, default: DEFAULT_SERIES_DAYS, description: 'How many days the daily series covers, ending with `to`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1)
  @Max(MAX_SERIES_DAYS)
  days = DEFAULT_SERIES_DAYS;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'The last day of the daily series (a civil date in China); today in China when absent.' })
  @IsOptional()
  // Checked bottom-up, and only the first failure is reported.
  @IsDateString({ strict: true }, { message: 'to must be a real date written YYYY-MM-DD' })
  @Matches(/^[12]\d{3}-\d{2}-\d{2}$/, { message: 'to must be a real date written YYYY-MM-DD' })
  to?: string;
}
