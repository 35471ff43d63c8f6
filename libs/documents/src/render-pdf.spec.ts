import { create as qrCode } from 'qrcode';
import { compact, readPdf } from './testing';
import { renderPdf } from './render-pdf';
import { acceptanceNotice } from './kinds/acceptance-notice';
import { decisionDocument, type DecisionInput } from './kinds/decision';
import { electronicPermit } from './kinds/electronic-permit';
import { supplementNotice, supplementReason } from './kinds/supplement-notice';

const ISSUER = { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' };
const RESIDENCE = { name: { zh: '外国人居留许可', en: 'Residence permit for foreigners' }, action: { zh: '首次申请', en: 'first application' } };
const CASE_ID = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';

const decision = (patch: Partial<DecisionInput>): DecisionInput => ({
  documentNo: 'PSB-20261206-0123456789',
  issuer: ISSUER,
  issuedOn: '2026-12-06',
  caseId: CASE_ID,
  submittedOn: '2026-11-20',
  holderName: 'SMITH John',
  passportNo: 'C01X00T47',
  item: RESIDENCE,
  decision: 'granted',
  remedies: { reconsiderationDays: 60, litigationMonths: 6 },
  ...patch,
});

// Rendering and reading a PDF takes a few hundred milliseconds each.
jest.setTimeout(30_000);

describe(renderPdf.name, () => {
  it('renders a grant in Chinese with the English beneath, and titles the file', async () => {
    const pdf = await renderPdf(decisionDocument(decision({ result: { permitNo: 'RP-371000-2026-000123', validFrom: '2026-12-06', validTo: '2028-12-05' } })));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const read = await readPdf(pdf);
    expect(read.title).toBe('准予许可决定书（外国人居留许可） / Decision to Grant: Residence permit for foreigners');
    const text = compact(read.text);
    for (const phrase of ['威海市公安局出入境管理支队', '准予许可决定书', '本机关决定准予行政许可', 'RP-371000-2026-000123', '2026年12月6日至2028年12月5日', 'PSB-20261206-0123456789', 'SMITHJohn']) {
      expect(text).toContain(phrase);
    }
    for (const phrase of ['DecisiontoGrant', 'Residencepermitforforeigners(firstapplication)', 'Article38(1)', '6December2026to5December2028']) expect(text).toContain(phrase);
  });

  it('sets English quotes straight: the Chinese font’s curly ones are full-width', async () => {
    const item = { name: { zh: '外国人来华工作许可', en: 'Foreigner’s work permit' }, action: RESIDENCE.action };
    const read = await readPdf(await renderPdf(decisionDocument(decision({ item }))));
    expect(read.text).toContain("Decision to Grant: Foreigner's work permit");
  });

  it('states a refusal’s reasons and the right to reconsideration and litigation with the catalogue’s numbers', async () => {
    const read = await readPdf(await renderPdf(decisionDocument(decision({ decision: 'rejected', reason: { zh: '住所证明与申请地址不符', en: 'proof of address does not match' }, remedies: { reconsiderationDays: 60, litigationMonths: 6 } }))));
    const text = compact(read.text);
    expect(text).toContain('不予许可决定书');
    expect(text).toContain('理由：住所证明与申请地址不符');
    // Each language reads the reasons in its own words.
    expect(text).toContain('Reasons:proofofaddressdoesnotmatch');
    expect(text).not.toContain('理由：住所证明与申请地址不符/');
    expect(text).toContain('60日内依法申请行政复议');
    expect(text).toContain('6个月内依法向人民法院提起行政诉讼');
    expect(text).toContain('administrativereconsiderationwithin60days');
    expect(text).toContain('within6months');
  });

  it('puts on an electronic permit the QR code of its verification address at error correction M', async () => {
    const url = 'http://127.0.0.1:3000/verify/PSB-20261206-ABCDEFGHJK';
    const pdf = await renderPdf(
      electronicPermit({
        documentNo: 'PSB-20261206-ABCDEFGHJK',
        issuer: ISSUER,
        issuedOn: '2026-12-06',
        itemName: RESIDENCE.name,
        holder: { name: 'SMITH John', nationality: 'DEU', passportNo: 'C01X00T47' },
        permitNo: 'RP-371000-2026-000123',
        validFrom: '2026-12-06',
        validTo: '2028-12-05',
        verifyUrl: url,
      }),
    );
    const read = await readPdf(pdf);
    expect(read.qrCodes).toEqual([url]);
    // Module for module, not only what error correction recovers.
    const { size, data } = qrCode(url, { errorCorrectionLevel: 'M' }).modules;
    expect(read.qrModules).toEqual([Array.from({ length: size }, (_, row) => Array.from(data.subarray(row * size, (row + 1) * size)))]);
    expect(compact(read.text)).toContain(url);
    expect(compact(read.text)).toContain('外国人居留许可（电子证照）');
    expect(compact(read.text)).toContain('ScantheQRcodetocheckwhetherthislicenceisvalid');
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('lists every material of a supplement notice with why, and the deadline', async () => {
    const read = await readPdf(
      await renderPdf(
        supplementNotice({
          documentNo: 'PSB-20261206-0123456789',
          issuer: ISSUER,
          issuedOn: '2026-12-06',
          caseId: CASE_ID,
          submittedOn: '2026-12-01',
          holderName: 'SMITH John',
          item: RESIDENCE,
          materials: [
            { name: { zh: '照片', en: 'Photo' }, why: supplementReason(false, undefined) },
            { name: { zh: '健康证明', en: 'Health certificate' }, why: supplementReason(true, 6) },
          ],
          deadline: '2027-01-05',
        }),
      ),
    );
    const text = compact(read.text);
    expect(text).toContain('补正告知书');
    expect(text).toContain('照片：未提交');
    expect(text).toContain('健康证明：已超过有效期，须为6个月内出具');
    expect(text).toContain('请于2027年1月5日前');
    expect(text).toContain('Photo:notsubmitted');
    expect(text).toContain('by5January2027');
  });

  it('names a window acceptance a receipt, with every item, agency, time limit and material', async () => {
    const read = await readPdf(
      await renderPdf(
        acceptanceNotice({
          documentNo: 'PORTAL-20261206-0123456789',
          issuer: { zh: '威海市行政审批服务局', en: 'Weihai Administrative Approval Service Bureau' },
          issuedOn: '2026-12-06',
          caseId: CASE_ID,
          submittedOn: '2026-12-06',
          channel: 'offline',
          applicant: { name: 'SMITH John', nationality: 'DEU', passportNo: 'C01X00T47' },
          employer: '威海蓝海科技有限公司',
          items: [{ ...RESIDENCE, agency: ISSUER, timeLimit: { zh: '15个自然日', en: '15 calendar days' } }],
          materials: [{ zh: '护照', en: 'Passport' }],
        }),
      ),
    );
    const text = compact(read.text);
    expect(read.title).toBe('受理回执 / Acceptance Receipt');
    expect(text).toContain('在政务服务中心窗口提交');
    expect(text).toContain('外国人居留许可（首次申请）——承办部门：威海市公安局出入境管理支队；承诺时限：15个自然日');
    expect(text).toContain('威海蓝海科技有限公司');
    expect(text).toContain('Passport');
  });
});
