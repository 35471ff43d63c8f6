import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { resolve } from 'node:path';
import { PortalConfig } from '../portal.config';
import { WebConfigController } from './web-config.controller';
import { AGENCY_ADDRESSES, agencyUrls } from './web-settings';

/** The web front: its static files at `/` (any non-API path gets index.html) and its settings. */
@Module({})
export class WebModule {
  static register(config: PortalConfig): DynamicModule {
    // Read once, here: a bad WEB_AGENCY_URLS stops the portal at boot with a message naming it.
    const agencyAddresses = agencyUrls(config.WEB_AGENCY_URLS);
    return {
      module: WebModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: resolve(config.WEB_DIST_DIR),
          exclude: ['/api/{*path}', '/health', '/metrics'],
          serveStaticOptions: { index: 'index.html', maxAge: '1h', fallthrough: true },
        }),
      ],
      controllers: [WebConfigController],
      providers: [
        { provide: PortalConfig, useValue: config },
        { provide: AGENCY_ADDRESSES, useValue: agencyAddresses },
      ],
    };
  }
}
