import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, type RecordUpdated } from '@work-permit/contracts';
import { KafkaEventContext } from '@work-permit/messaging';
import type { PrefillValue } from './applicant-prefill.entity';

/** Keeps the latest pre-fillable record of each person the Big Data Bureau announces. */
@Controller()
export class RecordUpdatedConsumer {
  @EventPattern(Events.SharingRecordUpdated.type)
  async onRecordUpdated(@Payload() event: IncomingEvent<RecordUpdated>, @Ctx() context: KafkaEventContext): Promise<void> {
    const { applicantId, version, fields } = event.payload;
    if (!applicantId) return;
    const byPath: Record<string, PrefillValue> = {};
    for (const field of fields) {
      byPath[field.path] = {
        value: JSON.parse(field.valueJson) as PrefillValue['value'],
        source: field.source,
        sourceCaseId: field.sourceCaseId,
        updatedAt: field.updatedAt ? timestampDate(field.updatedAt).toISOString() : '',
      };
    }
    // The newer version wins, whatever order the announcements come in. Nobody reads the answer: it goes with the COMMIT.
    await context.tx.writeWithTheCommit(
      `INSERT INTO applicant_prefill (applicant_id, version, fields) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (applicant_id) DO UPDATE SET version = EXCLUDED.version, fields = EXCLUDED.fields WHERE applicant_prefill.version < EXCLUDED.version`,
      [applicantId, Number(version), JSON.stringify(byPath)],
    );
  }
}
