import type { CaseFile } from '../case-file.entity';
import { toCaseView } from './case-view';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe(toCaseView.name, () => {
  const file = {
    caseId: 'c0ffee00-0000-4000-8000-000000000000',
    status: 'in_progress',
    channel: 'online',
    catalogueVersion: '2026.1',
    submittedAt: new Date('2026-11-29T08:00:00Z'),
    body: {
      materials: [
        { code: 'PASSPORT', sha256: A, fileName: 'passport.pdf', issuedAt: '2026-01-10' },
        // appended by a supplement
        { code: 'PHOTO', sha256: B, fileName: 'photo.jpg', issuedAt: '2026-11-25' },
      ],
    },
  } as unknown as CaseFile;

  it('lists the case’s documents, supplements included, with the type and size of each upload', () => {
    const view = toCaseView(file, [], [], { uploads: new Map([[A, { contentType: 'application/pdf', size: 1234 }]]) });
    expect(view.materials).toEqual([
      { code: 'PASSPORT', sha256: A, fileName: 'passport.pdf', issuedAt: '2026-01-10', contentType: 'application/pdf', size: 1234 },
      { code: 'PHOTO', sha256: B, fileName: 'photo.jpg', issuedAt: '2026-11-25' },
    ]);
  });

  it('lists none for a body without materials', () => {
    expect(toCaseView({ ...file, body: {} } as CaseFile, [], []).materials).toEqual([]);
  });

  it('lists only the documents it is given to show', () => {
    expect(toCaseView(file, [], [], { materials: [] }).materials).toEqual([]);
  });

  it('names the clerk who accepted a window case, only when asked to and only for an offline case', () => {
    const offline = { ...file, channel: 'offline', submittedBySubject: 'clerk-7', submittedByRole: 'clerk' } as CaseFile;
    expect(toCaseView(offline, [], [], { showAcceptedBy: true }).acceptedBy).toEqual({ subject: 'clerk-7', role: 'clerk' });
    expect(toCaseView(offline, [], []).acceptedBy).toBeUndefined();
    expect(toCaseView({ ...file, submittedBySubject: 'a-1', submittedByRole: 'applicant' } as CaseFile, [], [], { showAcceptedBy: true }).acceptedBy).toBeUndefined();
  });
});
