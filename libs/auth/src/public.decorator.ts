import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'auth:public';

/**
 * Opens a route or a whole controller to anonymous callers. A valid bearer token, if sent, still
 * sets the principal; an invalid one is ignored.
 */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(IS_PUBLIC_KEY, true);
