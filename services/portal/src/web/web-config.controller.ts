import { Body, type CanActivate, Controller, Get, HttpCode, Inject, Injectable, NotFoundException, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AGENCIES, type Agency, Public, ROLES, type Role, signToken, type TokenVerification } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { RateLimit } from '@work-permit/platform';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { DOCUMENT_TYPES } from '../materials/document-type';
import { PortalConfig } from '../portal.config';
import { refusalBody } from '../refusals';
import { AGENCY_ADDRESSES } from './web-settings';

const LOCAL_TOKEN_LIFETIME_SECONDS = 8 * 3600;

class LocalSignInDto {
  @IsIn(ROLES)
  role!: Role;

  @ValidateIf((dto: LocalSignInDto) => dto.role === 'officer' || dto.agency !== undefined)
  @IsIn(AGENCIES, { message: 'agency must be one of approval, scitech, psb, hrss, bigdata (required for an officer)' })
  agency?: Agency;

  @IsOptional()
  @Matches(/^[\p{L}\p{N}._@-]{1,64}$/u, { message: 'subject must be 1–64 letters, digits or . _ @ -' })
  subject?: string;

  /** The identity an applicant signs in as, standing in for the identity provider's real-name check. */
  @ValidateIf((dto: LocalSignInDto) => dto.role === 'applicant' || dto.passportNo !== undefined)
  @Matches(/^[A-Za-z0-9]{5,24}$/, { message: 'passportNo must be 5 to 24 letters and digits (required for an applicant)' })
  passportNo?: string;

  @ValidateIf((dto: LocalSignInDto) => dto.role === 'applicant' || dto.nationality !== undefined)
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an ISO 3166-1 alpha-3 code such as GBR (required for an applicant)' })
  nationality?: string;

  @ValidateIf((dto: LocalSignInDto) => dto.role === 'employer' || dto.uscc !== undefined)
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'uscc must be an 18-character unified social credit code (required for an employer)' })
  uscc?: string;
}

/** The local sign-in does not exist unless switched on: 404 before the body is even read (no 400 that would tell otherwise). */
@Injectable()
class LocalSignInEnabled implements CanActivate {
  constructor(private readonly config: PortalConfig) {}

  canActivate(): boolean {
    if (!this.config.localSignIn || !this.config.tokenVerification.hs256Secret) {
      throw new NotFoundException(refusalBody('not_found', message('portal.local_sign_in_disabled')));
    }
    return true;
  }
}

/** What the web front needs to know at start, and the local sign-in (only when switched on, never in production). */
@Public()
@ApiTags('web')
@Controller('api')
export class WebConfigController {
  private readonly verification: TokenVerification;

  constructor(
    private readonly config: PortalConfig,
    @Inject(AGENCY_ADDRESSES) private readonly services: Record<Agency, string>,
  ) {
    this.verification = config.tokenVerification;
  }

  @Get('web-config')
  @RateLimit('public')
  @ApiOperation({ summary: "The web front's settings: how to sign in, the agencies' addresses, the upload limit and the document types taken." })
  webConfig() {
    const local = this.config.localSignIn;
    return {
      authMode: local ? 'local' : 'provider',
      ...(local ? {} : { signInUrl: this.config.AUTH_SIGN_IN_URL }),
      materialsMaxBytes: this.config.MATERIALS_MAX_BYTES,
      // What POST /api/materials takes (told there by the content), so a page can say it before a file is chosen.
      materialsContentTypes: Object.keys(DOCUMENT_TYPES),
      services: this.services,
    };
  }

  @Post('auth/local-token')
  @HttpCode(200)
  @RateLimit('public')
  @UseGuards(LocalSignInEnabled)
  @ApiOperation({
    summary:
      'Local mode only (AUTH_LOCAL_SIGN_IN=true outside production): a token for the chosen role, agency and identity — an applicant names the passport and nationality, an employer its credit code. 404 otherwise.',
  })
  localToken(@Body() body: LocalSignInDto) {
    // LocalSignInEnabled has made sure there is an HS256 secret.
    const secret = this.verification.hs256Secret as string;
    const { role, agency, passportNo, nationality, uscc } = body;
    const token = signToken(secret, {
      subject: body.subject ?? `${role}-1`,
      role,
      agency,
      ...(role === 'applicant' ? { passportNo: passportNo?.toUpperCase(), nationality } : {}),
      ...(role === 'employer' ? { uscc } : {}),
      issuer: this.verification.issuer,
      audience: this.verification.audience,
      expiresInSeconds: LOCAL_TOKEN_LIFETIME_SECONDS,
    });
    return { token };
  }
}
