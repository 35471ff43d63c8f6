import { describeServiceBoot } from '@work-permit/platform/testing';
import { AppModule } from '../src/app.module';
import { PublicSecurityConfig } from '../src/public-security.config';
import { PublicSecurityService } from '../src/public-security.service';

describeServiceBoot(PublicSecurityService, PublicSecurityConfig, (config) => AppModule.register(config));
