import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RequestLanguage } from '@work-permit/platform';
import { IsIn, IsOptional } from 'class-validator';

/** `?lang=zh|en`: the language of the answer's texts (else Accept-Language, else Chinese); read by `@Language()`. */
export class LanguageQuery {
  @ApiPropertyOptional({ enum: ['zh', 'en'], description: 'The language of the texts; else Accept-Language; Chinese by default.' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: RequestLanguage;
}
