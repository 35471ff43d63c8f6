import { describeServiceBoot } from '@work-permit/platform/testing';
import { AppModule } from '../src/app.module';
import { HrSocialSecurityConfig } from '../src/hr-social-security.config';
import { HrSocialSecurityService } from '../src/hr-social-security.service';

describeServiceBoot(HrSocialSecurityService, HrSocialSecurityConfig, (config) => AppModule.register(config));
