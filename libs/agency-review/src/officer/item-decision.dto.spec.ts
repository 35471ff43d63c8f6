import { createValidationPipe } from '@work-permit/platform';
import { ItemDecisionDto } from './item-decision.dto';

async function problems(body: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ItemDecisionDto });
    return [];
  } catch (error) {
    return (error as { getResponse(): { error: { details: { field: string; message: string }[] } } }).getResponse().error.details;
  }
}

describe(ItemDecisionDto.name, () => {
  it('accepts an approval without a reason', async () => {
    expect(await problems({ decision: 'approve' })).toEqual([]);
  });

  it('asks a rejection for its reason, once', async () => {
    expect(await problems({ decision: 'reject' })).toEqual([
      { field: 'reason', message: '必填', messages: { zh: '必填', en: 'reason is required to reject or to ask for documents' } },
    ]);
  });

  it('asks a supplement request for its reason and the documents', async () => {
    expect((await problems({ decision: 'supplement' })).map((p) => p.field)).toEqual(['reason', 'materials']);
    expect(await problems({ decision: 'supplement', reason: 'scan unreadable', materials: ['passport copy'] })).toEqual([
      { field: 'materials', message: '格式不正确', messages: { zh: '格式不正确', en: 'each material must be a material code such as HEALTH_CERTIFICATE' } },
    ]);
  });

  it('names an unknown decision and an unknown field', async () => {
    expect((await problems({ decision: 'maybe', signedBy: 'me' })).map((p) => p.field).sort()).toEqual(['decision', 'signedBy']);
  });
});
