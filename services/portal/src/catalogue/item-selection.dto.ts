import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsString, Matches, ValidateNested } from 'class-validator';

export const ITEM_ACTIONS = ['issue', 'change', 'extend', 'apply'] as const;

export class ItemSelectionDto {
  @ApiProperty({ example: 'WORK_PERMIT' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be an item code such as WORK_PERMIT' })
  code!: string;

  @ApiProperty({ enum: ITEM_ACTIONS, example: 'issue' })
  @IsIn(ITEM_ACTIONS)
  action!: (typeof ITEM_ACTIONS)[number];
}

/** `POST /api/forms` and the `items` of a case: the chosen items, one or several. */
export class ItemsSelectionDto {
  @ApiProperty({ type: [ItemSelectionDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ItemSelectionDto)
  items!: ItemSelectionDto[];
}
