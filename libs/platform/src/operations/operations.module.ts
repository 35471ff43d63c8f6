import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';

/**
 * The operations routes of a service that consumes: its consumer group's dead letters, for an admin
 * (`/api/operations/dead-letters`). `DeadLetters` and the group come from the global MessagingModule.
 */
@Module({ controllers: [DeadLettersController] })
export class OperationsModule {}
