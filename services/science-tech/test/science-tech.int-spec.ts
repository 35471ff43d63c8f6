import { describeServiceBoot } from '@work-permit/platform/testing';
import { AppModule } from '../src/app.module';
import { ScienceTechConfig } from '../src/science-tech.config';
import { ScienceTechService } from '../src/science-tech.service';

describeServiceBoot(ScienceTechService, ScienceTechConfig, (config) => AppModule.register(config));
