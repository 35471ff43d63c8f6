import { Module } from '@nestjs/common';
import { ApplicantIds } from '@work-permit/platform';
import { PrefillService } from './prefill.service';
import { RecordUpdatedConsumer } from './record-updated.consumer';

/** Once-only: the shared record's announcements, and the pre-fill of a returning applicant's form. */
@Module({
  controllers: [RecordUpdatedConsumer],
  providers: [ApplicantIds, PrefillService],
  exports: [PrefillService],
})
export class PrefillModule {}
