import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { L } from '../../localized';
import { APPLICANT_CONTACT, APPLICANT_IDENTITY, need, onlyWhen, optional, required } from './item-parts';

export function residencePermitItem(p: CatalogueParameters): CatalogueItem {
  const rp = p.residencePermit;
  const employer = required('employer.uscc', 'employer.name', 'employer.contactName', 'employer.contactPhone', 'employer.address');
  const healthCertificate = onlyWhen(
    'HEALTH_CERTIFICATE',
    L(
      `${rp.healthCertificateExemptUnderAge}周岁以上、${rp.healthCertificateExemptOverAge}周岁以下的`,
      `if aged from ${rp.healthCertificateExemptUnderAge} to ${rp.healthCertificateExemptOverAge}`,
    ),
    { field: 'applicant.birthDate', ageFrom: rp.healthCertificateExemptUnderAge, ageTo: rp.healthCertificateExemptOverAge },
  );
  return {
    code: 'RESIDENCE_PERMIT',
    kind: 'basic',
    name: L('外国人居留许可', 'Residence permit for foreigners'),
    agency: 'psb',
    supportingSystem: L('公安出入境管理信息系统', 'Public security exit-entry administration system'),
    legalBasis: [
      L('《中华人民共和国出境入境管理法》第三十条至第三十三条', 'Exit and Entry Administration Law of the PRC, Art. 30 to 33'),
      L('《中华人民共和国外国人入境出境管理条例》第十六条', 'Regulations on the Administration of the Entry and Exit of Foreigners, Art. 16'),
    ],
    conditions: [
      L(
        '已取得外国人来华工作许可（《外国人工作许可通知》或承载工作许可信息的电子社保卡可作证明）',
        'Holds a work permit (the Notice of Work Permit or the e-card carrying the permit data is accepted as proof)',
      ),
      L(`自入境之日起${rp.applyWithinDaysOfEntry}日内申请`, `Apply within ${rp.applyWithinDaysOfEntry} days of entry`),
      L('持有效护照和签证，已办理住宿登记', 'A valid passport and visa, and the accommodation registered'),
      L('无《出境入境管理法》第三十一条规定的不予签发情形', 'None of the grounds for refusal of Art. 31 of the Exit and Entry Administration Law'),
      L('延期办理居留可能需要本人到场进行人像核验', 'An extension may need the applicant in person for face verification'),
    ],
    result: L(
      `工作类居留证件，有效期${rp.validity.minDays}日至${rp.validity.maxMonths / 12}年；审批期间发给有效期不超过${rp.receiptValidityDays}日的受理回执，可凭其在境内停留`,
      `Work-type residence permit valid ${rp.validity.minDays} days to ${rp.validity.maxMonths / 12} years; meanwhile a receipt valid up to ${rp.receiptValidityDays} days stands in for the passport`,
    ),
    timeLimit: {
      amount: rp.decisionCalendarDays,
      unit: 'calendar_days',
      note: L(
        `自受理材料齐全之日起${rp.decisionCalendarDays}日（自然日）；山东省高层次人才多年期居留许可实践中${rp.highLevelTalentPracticeWorkingDays}个工作日`,
        `${rp.decisionCalendarDays} calendar days from complete materials; in Shandong practice ${rp.highLevelTalentPracticeWorkingDays} working days for multi-year permits of high-level talent`,
      ),
    },
    fee: {
      kind: 'by_validity',
      bands: rp.feeBands,
      note: L('按对等原则与有协议国家的，按协议收费（收费标准待确认）', 'Reciprocal nationalities pay by treaty (standard to be confirmed)'),
    },
    prerequisites: ['WORK_PERMIT'],
    manualByDefault: false,
    // [?] The province's registered item codes were not in the sources: configuration.
    service: { registeredCode: 'WH-YJS-02', payment: L('在出入境窗口现场缴纳（银行卡或扫码），或经山东政务服务网在线缴纳', 'At the exit-entry window (bank card or QR payment) or online through the Shandong government service portal') },
    actions: [
      {
        action: 'issue',
        name: L('签发', 'Issue'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...optional('applicant.entryDate'),
          ...employer,
          ...required('employment.position', 'employment.contractEnd', 'residence.address'),
        ],
        materials: [
          ...need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'VISA_OR_RESIDENCE_PERMIT', 'PHOTO'),
          healthCertificate,
          ...need('EMPLOYER_LETTER', 'BUSINESS_LICENCE', 'WORK_PERMIT_PROOF', 'ACCOMMODATION_REGISTRATION'),
        ],
      },
      {
        action: 'change',
        name: L('变更', 'Change'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...required(
            'employer.uscc',
            'employer.name',
            'holdings.residencePermitNo',
            'holdings.residencePermitValidTo',
            'change.occurredOn',
            'change.residencePermitItem',
            'residence.address',
          ),
        ],
        materials: need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'PHOTO', 'CHANGE_EVIDENCE', 'EMPLOYER_LETTER', 'ACCOMMODATION_REGISTRATION'),
        window: { kind: 'after_event', eventDateField: 'change.occurredOn', maxDays: rp.changeWindowDays },
      },
      {
        action: 'extend',
        name: L('延期', 'Extension'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...employer,
          ...required('employment.position', 'employment.contractEnd', 'holdings.residencePermitNo', 'holdings.residencePermitValidTo', 'residence.address'),
        ],
        materials: need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'PHOTO', 'EMPLOYER_LETTER', 'WORK_PERMIT_PROOF', 'ACCOMMODATION_REGISTRATION'),
        window: {
          kind: 'before_expiry',
          expiryField: 'holdings.residencePermitValidTo',
          minDays: rp.extensionWindowDays.min,
          ...(rp.extensionWindowDays.max !== undefined && { maxDays: rp.extensionWindowDays.max }),
        },
      },
    ],
  };
}
