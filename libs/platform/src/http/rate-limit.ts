import { applyDecorators, type DynamicModule, type ExecutionContext, Injectable, Module, SetMetadata, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { ServiceConfig } from '../config/service-config';

/** The kinds of endpoint that are rate-limited, each with its own budget per minute. */
export type RateLimitKind = 'public' | 'upload';

const RATE_LIMIT_KEY = 'platform:rate-limit';
const MINUTE_MS = 60_000;

function kindOf(context: ExecutionContext): RateLimitKind | undefined {
  return Reflect.getMetadata(RATE_LIMIT_KEY, context.getHandler()) ?? Reflect.getMetadata(RATE_LIMIT_KEY, context.getClass());
}

/**
 * Counts a caller's requests to an endpoint by who they are: the signed-in subject when there is
 * one (a whole office behind one address is not one caller), otherwise the address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const subject = (request['principal'] as { subject?: string } | undefined)?.subject;
    return subject ? `subject:${subject}` : `ip:${String(request['ip'])}`;
  }
}

/**
 * Rate-limits an endpoint (`@RateLimit('public')` on catalogue, guides, sign-in; `'upload'` on
 * uploads). The guard runs after authentication, so a signed-in caller is counted by subject.
 * Counters live in the process: each replica limits on its own.
 */
export const RateLimit = (kind: RateLimitKind): ClassDecorator & MethodDecorator => applyDecorators(SetMetadata(RATE_LIMIT_KEY, kind), UseGuards(RateLimitGuard));

@Module({})
export class RateLimitModule {
  static forRoot(config: Pick<ServiceConfig, 'RATE_LIMIT_PUBLIC_PER_MINUTE' | 'RATE_LIMIT_UPLOADS_PER_MINUTE'>): DynamicModule {
    const limits: Record<RateLimitKind, number> = { public: config.RATE_LIMIT_PUBLIC_PER_MINUTE, upload: config.RATE_LIMIT_UPLOADS_PER_MINUTE };
    return {
      module: RateLimitModule,
      global: true,
      imports: [
        ThrottlerModule.forRoot({
          // Each endpoint counts against the one budget its @RateLimit names, never the other.
          throttlers: (Object.keys(limits) as RateLimitKind[]).map((kind) => ({ name: kind, ttl: MINUTE_MS, limit: limits[kind], skipIf: (context: ExecutionContext) => kindOf(context) !== kind })),
          errorMessage: (context, { limit }) => `too many requests: at most ${limit} a minute here; try again shortly (see Retry-After)`,
        }),
      ],
      providers: [RateLimitGuard],
      exports: [ThrottlerModule, RateLimitGuard],
    };
  }
}
