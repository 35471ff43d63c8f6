import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ItemsSelectionDto } from '../catalogue/item-selection.dto';

/** `POST /api/forecast`: the form's selection, and the day it would be submitted (today in China by default). */
export class SelectionForecastDto extends ItemsSelectionDto {
  @ApiPropertyOptional({ example: '2026-09-28', description: 'YYYY-MM-DD, from today (in China) to a year ahead; today by default' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'submittedOn must be a date YYYY-MM-DD' })
  submittedOn?: string;
}
