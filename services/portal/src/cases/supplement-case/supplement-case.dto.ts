import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, Matches } from 'class-validator';

export class SupplementCaseDto {
  @ApiProperty({ example: 'WORK_PERMIT' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'item must be an item code such as WORK_PERMIT' })
  item!: string;

  /** Each entry `{ code, sha256, fileName, issuedAt }`, checked against the catalogue like a case's materials. */
  @ApiProperty({ type: 'array', items: { type: 'object', example: { code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'passport.pdf', issuedAt: '2026-01-15' } } })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  materials!: unknown[];
}
