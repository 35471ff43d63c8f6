import 'reflect-metadata';
import { runService } from '@work-permit/platform';
import { AppModule } from './app.module';
import { PublicSecurityConfig } from './public-security.config';
import { PublicSecurityService } from './public-security.service';

runService(PublicSecurityService, PublicSecurityConfig, (config) => AppModule.register(config));
