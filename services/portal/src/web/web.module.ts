import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { resolve } from 'node:path';
import { PortalConfig } from '../portal.config';
import { WebConfigController } from './web-config.controller';
import { agencyUrls } from './web-settings';

/** The web front: its static files at `/` (any non-API path gets index.html) and its settings. */
@Module({})
export class WebModule {
  static register(config: PortalConfig): DynamicModule {
    agencyUrls(config.WEB_AGENCY_URLS); // a bad setting stops the portal at boot, naming it
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
      providers: [{ provide: PortalConfig, useValue: config }],
    };
  }
}
