import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const ROLES_KEY = 'auth:roles';

/** Admits only these roles; on a handler it replaces its controller's list. */
export const Roles = (role: Role, ...more: Role[]): ClassDecorator & MethodDecorator => SetMetadata(ROLES_KEY, [role, ...more]);
