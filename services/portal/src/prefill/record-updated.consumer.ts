import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type IncomingEvent, type RecordUpdated } from '@work-permit/contracts';
import { KafkaEventContext } from '@work-permit/messaging';
import { ApplicantPrefill, type PrefillValue } from './applicant-prefill.entity';

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
    await context.tx.manager
      .createQueryBuilder()
      .insert()
      .into(ApplicantPrefill)
      .values({ applicantId, version: Number(version), fields: byPath })
      .orUpdate(['version', 'fields'], ['applicant_id'], { overwriteCondition: { where: 'applicant_prefill.version < EXCLUDED.version' } })
      .execute();
  }
}
