import 'reflect-metadata';
import { runService } from '@work-permit/platform';
import { AppModule } from './app.module';
import { HrSocialSecurityConfig } from './hr-social-security.config';
import { HrSocialSecurityService } from './hr-social-security.service';

runService(HrSocialSecurityService, HrSocialSecurityConfig, (config) => AppModule.register(config));
