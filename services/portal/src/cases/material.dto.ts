import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsString, Length, Matches } from 'class-validator';

/** One document of the case's set of materials, referenced by its content hash. */
export class MaterialDto {
  @ApiProperty({ example: 'PASSPORT' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be a material code such as PASSPORT' })
  code!: string;

  @ApiProperty({ example: 'a'.repeat(64) })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256!: string;

  @ApiProperty({ example: 'passport.pdf' })
  @IsString()
  @Length(1, 255)
  fileName!: string;

  @ApiProperty({ example: '2026-01-15' })
  @IsDateString({ strict: true }, { message: 'issuedAt must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedAt must be a date YYYY-MM-DD' })
  issuedAt!: string;
}
