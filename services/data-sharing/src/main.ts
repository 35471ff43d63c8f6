import 'reflect-metadata';
import { runService } from '@work-permit/platform';
import { AppModule } from './app.module';
import { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';

runService(DataSharingService, DataSharingConfig, (config) => AppModule.register(config));
