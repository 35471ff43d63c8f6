import { describeServiceBoot } from '@work-permit/platform/testing';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';

describeServiceBoot(DataSharingService, DataSharingConfig, (config) => AppModule.register(config));
