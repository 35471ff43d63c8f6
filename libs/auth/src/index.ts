export { type AccessRequirement, assertAccess } from './access-policy';
export { AGENCIES_KEY, Agencies } from './agencies.decorator';
export { type AuthErrorDetail, AuthException, AuthExceptionCode } from './auth.exception';
export { toHttpException } from './auth-http-error';
export { AuthModule } from './auth.module';
export type { AuthRequest } from './auth-request';
export { CurrentPrincipal, type CurrentPrincipalOptions } from './current-principal.decorator';
export { JwtAuthGuard } from './jwt-auth.guard';
export { AGENCIES, type Agency, isAgency, isRole, type Principal, principalFromClaims, type Role, ROLES } from './principal';
export { IS_PUBLIC_KEY, Public } from './public.decorator';
export { Roles, ROLES_KEY } from './roles.decorator';
export { RolesGuard } from './roles.guard';
export { signToken, type TokenClaims } from './sign-token';
export {
  type AuthSettingsSource,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  isLocalEnvironment,
  LOCAL_DEVELOPMENT_JWT_SECRET,
  LOCAL_TOKEN_AUDIENCE,
  LOCAL_TOKEN_ISSUER,
  resolveTokenVerification,
  type TokenVerification,
} from './token-verification';
export { TokenVerifier } from './token-verifier';
export { type ApplicantIdentity, assertActsAsThemselves, type ClaimedParties, identityMismatches, normalisePassportNo } from './verified-identity';
