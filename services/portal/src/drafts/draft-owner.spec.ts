import type { Principal } from '@work-permit/auth';
import { draftOwnerOf } from './draft-owner';

const principal = (p: Partial<Principal> & Pick<Principal, 'role'>): Principal => ({ subject: 'subject-1', ...p });

describe(draftOwnerOf.name, () => {
  it('keeps an applicant’s drafts by the applicant id of the verified identity, whatever the account', () => {
    const one = draftOwnerOf({ principal: principal({ role: 'applicant', subject: 'account-1' }), applicantId: 'id-A' });
    const other = draftOwnerOf({ principal: principal({ role: 'applicant', subject: 'account-2' }), applicantId: 'id-A' });
    expect(one).toEqual({ kind: 'applicant', key: 'id-A' });
    expect(other).toEqual(one);
  });

  it('keeps an employer’s drafts by its verified credit code, a clerk’s by the clerk', () => {
    expect(draftOwnerOf({ principal: principal({ role: 'employer', uscc: '91371000ma3c5lxx0f' }) })).toEqual({ kind: 'employer', key: '91371000MA3C5LXX0F' });
    expect(draftOwnerOf({ principal: principal({ role: 'clerk', subject: 'window-3' }) })).toEqual({ kind: 'clerk', key: 'window-3' });
  });

  it('gives officers, analysts, admins and identity-less tokens no drafts', () => {
    for (const role of ['officer', 'analyst', 'admin'] as const) expect(draftOwnerOf({ principal: principal({ role }) })).toBeUndefined();
    expect(draftOwnerOf({ principal: principal({ role: 'applicant' }) })).toBeUndefined();
    expect(draftOwnerOf({ principal: principal({ role: 'employer' }) })).toBeUndefined();
  });
});
