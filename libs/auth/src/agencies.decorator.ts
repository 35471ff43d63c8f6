import { SetMetadata } from '@nestjs/common';
import type { Agency } from './principal';

export const AGENCIES_KEY = 'auth:agencies';

/**
 * Admits officers of these agencies only; other roles are left to `@Roles`. On a handler it replaces
 * its controller's list.
 */
export const Agencies = (agency: Agency, ...more: Agency[]): ClassDecorator & MethodDecorator =>
  SetMetadata(AGENCIES_KEY, [agency, ...more]);
