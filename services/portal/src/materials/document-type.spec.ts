import { cleanFileName, detectDocumentType } from './document-type';

const bytes = (...values: number[]) => Buffer.from(values);

describe(detectDocumentType.name, () => {
  it('tells a PDF by %PDF-', () => {
    expect(detectDocumentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
  });

  it('tells a JPEG by FF D8 FF', () => {
    expect(detectDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg');
  });

  it('tells a PNG by its eight-byte signature', () => {
    expect(detectDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('image/png');
  });

  it('refuses text, whatever it is called', () => {
    expect(detectDocumentType(Buffer.from('passport.pdf: trust me, this is a PDF'))).toBeUndefined();
    expect(detectDocumentType(Buffer.from(' %PDF-1.7'))).toBeUndefined();
  });

  it('refuses a signature cut short and an empty file', () => {
    expect(detectDocumentType(Buffer.from('%PDF'))).toBeUndefined();
    expect(detectDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeUndefined();
    expect(detectDocumentType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(detectDocumentType(Buffer.alloc(0))).toBeUndefined();
  });

  it('refuses other formats that look alike (GIF, ZIP/DOCX)', () => {
    expect(detectDocumentType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(detectDocumentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeUndefined();
  });
});

describe(cleanFileName.name, () => {
  it('keeps an ordinary name, Chinese included', () => {
    expect(cleanFileName('护照 passport.pdf', 'application/pdf')).toBe('护照 passport.pdf');
  });

  it('keeps only the last path segment and drops control characters', () => {
    expect(cleanFileName('C:\\fakepath\\scan.png', 'image/png')).toBe('scan.png');
    expect(cleanFileName('../../etc/pass\u0000wd\n.jpg', 'image/jpeg')).toBe('passwd.jpg');
  });

  it('names a nameless upload by its type', () => {
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('document.jpg');
    expect(cleanFileName('  ', 'application/pdf')).toBe('document.pdf');
    expect(cleanFileName('..', 'image/png')).toBe('document.png');
  });

  it('cuts a long name to 255 UTF-16 units without splitting a character', () => {
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(255);
    const cut = cleanFileName(`${'a'.repeat(254)}😀.pdf`, 'application/pdf');
    expect(cut).toBe('a'.repeat(254));
  });
});
