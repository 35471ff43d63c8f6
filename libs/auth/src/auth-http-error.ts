import { ForbiddenException, type HttpException, InternalServerErrorException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { type AuthException, AuthExceptionCode } from './auth.exception';

/**
 * What each failure means to the person who met it, in Chinese; the exception's own (English) message
 * says the same with its particulars. The platform's error filter answers in the request's language.
 */
const IN_CHINESE: Record<AuthExceptionCode, string> = {
  [AuthExceptionCode.MISSING_TOKEN]: '请先登录：此操作需要有效的身份令牌',
  [AuthExceptionCode.INVALID_TOKEN]: '身份令牌无效或已过期，请重新登录',
  [AuthExceptionCode.ROLE_NOT_ALLOWED]: '您的身份无权执行此操作',
  [AuthExceptionCode.AGENCY_NOT_ALLOWED]: '您所在的部门无权执行此操作',
  [AuthExceptionCode.NO_ACCESS_RULE]: '此接口未声明可调用的角色，任何人不得调用',
  [AuthExceptionCode.IDENTITY_MISMATCH]: '只能以本人（本单位）身份办理：以下信息与身份令牌核验的身份不一致',
  [AuthExceptionCode.KEYS_UNAVAILABLE]: '暂时无法获取身份认证服务的密钥，请稍后重试',
  [AuthExceptionCode.INSECURE_CONFIGURATION]: '内部错误',
};

const FIELD_IN_CHINESE = '与身份令牌核验的身份不一致';

function body(code: string, exception: AuthException, english = exception.message) {
  const messages = { zh: IN_CHINESE[exception.code], en: english };
  return { error: { code, message: messages.zh, messages } };
}

/** The HTTP error (API.md error body) an auth failure leaves as, in Chinese and English. */
export function toHttpException(exception: AuthException): HttpException {
  switch (exception.code) {
    case AuthExceptionCode.MISSING_TOKEN:
    case AuthExceptionCode.INVALID_TOKEN:
      return new UnauthorizedException(body('unauthenticated', exception));
    case AuthExceptionCode.ROLE_NOT_ALLOWED:
    case AuthExceptionCode.AGENCY_NOT_ALLOWED:
    case AuthExceptionCode.NO_ACCESS_RULE:
      return new ForbiddenException(body('forbidden', exception));
    case AuthExceptionCode.IDENTITY_MISMATCH: {
      const details = (exception.details ?? []).map(({ field, message }) => ({ field, message: FIELD_IN_CHINESE, messages: { zh: FIELD_IN_CHINESE, en: message } }));
      return new ForbiddenException({ error: { ...body('identity_mismatch', exception).error, details } });
    }
    case AuthExceptionCode.KEYS_UNAVAILABLE:
      return new ServiceUnavailableException(body('identity_provider_unavailable', exception));
    case AuthExceptionCode.INSECURE_CONFIGURATION:
      return new InternalServerErrorException(body('internal', exception, 'internal error'));
  }
}
