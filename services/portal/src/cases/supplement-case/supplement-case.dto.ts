import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, Matches, ValidateNested } from 'class-validator';
import { MaterialDto } from '../material.dto';

export class SupplementCaseDto {
  @ApiProperty({ example: 'WORK_PERMIT' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'item must be an item code such as WORK_PERMIT' })
  item!: string;

  @ApiProperty({ type: [MaterialDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials!: MaterialDto[];
}
