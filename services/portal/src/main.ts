import 'reflect-metadata';
import { runService } from '@work-permit/platform';
import { AppModule } from './app.module';
import { PortalConfig } from './portal.config';
import { PortalService } from './portal.service';

runService(PortalService, PortalConfig, (config) => AppModule.register(config));
