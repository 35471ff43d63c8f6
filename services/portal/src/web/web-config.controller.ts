import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AGENCIES, type Agency, Public, ROLES, type Role, resolveJwtSecret, signToken } from '@work-permit/auth';
import { apiError } from '@work-permit/platform';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { PortalConfig } from '../portal.config';
import { AGENCY_ADDRESSES } from './web-settings';

class LocalSignInDto {
  @IsIn(ROLES)
  role!: Role;

  @ValidateIf((dto: LocalSignInDto) => dto.role === 'officer' || dto.agency !== undefined)
  @IsIn(AGENCIES, { message: 'agency must be one of approval, scitech, psb, hrss, bigdata (required for an officer)' })
  agency?: Agency;

  @IsOptional()
  @Matches(/^[\p{L}\p{N}._@-]{1,64}$/u, { message: 'subject must be 1–64 letters, digits or . _ @ -' })
  subject?: string;
}

/** What the web front needs to know at start, and the local sign-in (never in production). */
@Public()
@ApiTags('web')
@Controller('api')
export class WebConfigController {
  private readonly secret: string;

  constructor(
    private readonly config: PortalConfig,
    @Inject(AGENCY_ADDRESSES) private readonly services: Record<Agency, string>,
  ) {
    this.secret = resolveJwtSecret({ nodeEnv: config.NODE_ENV, secret: config.AUTH_JWT_SECRET });
  }

  private get localSignIn(): boolean {
    return !this.config.isProduction && !this.config.AUTH_SIGN_IN_URL;
  }

  @Get('web-config')
  @ApiOperation({ summary: "The web front's settings: how to sign in, the agencies' addresses, the upload limit." })
  webConfig() {
    return {
      authMode: this.localSignIn ? 'local' : 'provider',
      ...(this.localSignIn ? {} : { signInUrl: this.config.AUTH_SIGN_IN_URL }),
      materialsMaxBytes: this.config.MATERIALS_MAX_BYTES,
      services: this.services,
    };
  }

  @Post('auth/local-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Local mode only: a token for the chosen role and agency (404 in production or with AUTH_SIGN_IN_URL set).' })
  localToken(@Body() body: LocalSignInDto) {
    if (!this.localSignIn) throw new NotFoundException(apiError('not_found', 'local sign-in is disabled; sign in through the identity provider'));
    return { token: signToken(this.secret, { subject: body.subject ?? `${body.role}-1`, role: body.role, agency: body.agency, expiresInSeconds: 8 * 3600 }) };
  }
}
