import { Module } from '@nestjs/common';
import { ApplicantIds } from '@work-permit/platform';
import { PrefillRefusals } from './prefill-refusals';
import { PrefillService } from './prefill.service';
import { RecordUpdatedConsumer } from './record-updated.consumer';

/** Once-only: the shared record's announcements, the pre-fill of a returning applicant's form, and the facts they decline to reuse. */
@Module({
  controllers: [RecordUpdatedConsumer],
  providers: [ApplicantIds, PrefillService, PrefillRefusals],
  exports: [PrefillService, PrefillRefusals],
})
export class PrefillModule {}
