import 'reflect-metadata';
import { runService } from '@work-permit/platform';
import { AppModule } from './app.module';
import { ScienceTechConfig } from './science-tech.config';
import { ScienceTechService } from './science-tech.service';

runService(ScienceTechService, ScienceTechConfig, (config) => AppModule.register(config));
