import { referencedSha256s, unknownReferenceErrors } from './material-references';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe(unknownReferenceErrors.name, () => {
  it('names materials.<i>.sha256 of each entry whose document was never uploaded', () => {
    const materials = [
      { code: 'PASSPORT', sha256: A },
      { code: 'PHOTO', sha256: B },
      { code: 'DIPLOMA', sha256: B },
    ];
    expect(unknownReferenceErrors(materials, new Set([A]))).toEqual([
      { field: 'materials.1.sha256', message: expect.stringMatching(/^不是您上传的材料/), messages: { zh: expect.stringMatching(/^不是您上传的材料/), en: expect.stringContaining('POST /api/materials') } },
      { field: 'materials.2.sha256', message: expect.stringMatching(/^不是您上传的材料/), messages: { zh: expect.stringMatching(/^不是您上传的材料/), en: expect.stringContaining('POST /api/materials') } },
    ]);
  });

  it('finds nothing to say when every document was uploaded, or there are none', () => {
    expect(unknownReferenceErrors([{ sha256: A }], new Set([A]))).toEqual([]);
    expect(unknownReferenceErrors([], new Set())).toEqual([]);
    expect(unknownReferenceErrors(undefined, new Set())).toEqual([]);
  });

  it('leaves a missing or malformed sha256 to the catalogue validator, so no field is named twice', () => {
    expect(unknownReferenceErrors([{ code: 'PASSPORT' }, { sha256: 'not-a-hash' }, null, 'x', { sha256: A.toUpperCase() }], new Set())).toEqual([]);
  });
});

describe(referencedSha256s.name, () => {
  it('lists the well-formed sha256 of each entry by its index', () => {
    expect([...referencedSha256s([{ sha256: A }, { sha256: 'x' }, { sha256: B }])]).toEqual([
      [0, A],
      [2, B],
    ]);
    expect(referencedSha256s({ sha256: A }).size).toBe(0);
  });
});
