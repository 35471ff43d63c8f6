import type { Lang } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { GuideError, GuideErrorCode } from './guide.exception';
import { SERVICE_GUIDE_HEADINGS } from './guide-labels';
import type { ServiceGuideSectionId } from './guide.types';
import { serviceGuide } from './service-guide';

const catalogue = getCatalogue();
const langs: Lang[] = ['zh', 'en'];
const agencyOf = (code: string, lang: Lang) => catalogue.agencies.find((a) => a.code === code)!.name[lang];
const selectable = catalogue.items.filter((item) => item.kind !== 'step');
const steps = catalogue.items.filter((item) => item.kind === 'step');
const cases = selectable.flatMap((item) => langs.map((lang) => [item.code, lang] as const));
const requiredSections = Object.keys(SERVICE_GUIDE_HEADINGS) as ServiceGuideSectionId[];

function section(code: string, lang: Lang, id: ServiceGuideSectionId): string[] {
  return serviceGuide(catalogue, code, lang).sections.find((s) => s.id === id)?.items ?? [];
}

describe(serviceGuide.name, () => {
  it.each(cases)('gives the %s guide in %s every section, each with at least one non-empty line', (code, lang) => {
    const guide = serviceGuide(catalogue, code, lang);
    expect(guide.sections.map((s) => s.id)).toEqual(requiredSections);
    for (const s of guide.sections) {
      expect(s.heading).toBe(SERVICE_GUIDE_HEADINGS[s.id][lang]);
      expect(s.items.length).toBeGreaterThan(0);
      expect(s.items.every((line) => line.trim().length > 0)).toBe(true);
    }
  });

  it.each(cases)('names the owning agency of %s in %s', (code, lang) => {
    const item = catalogue.items.find((i) => i.code === code)!;
    expect(section(code, lang, 'item').join('\n')).toContain(agencyOf(item.agency, lang));
  });

  it.each(cases)('draws the legal basis, conditions, result and system of %s in %s from the catalogue', (code, lang) => {
    const item = catalogue.items.find((i) => i.code === code)!;
    expect(section(code, lang, 'legalBasis')).toEqual(item.legalBasis.map((b) => b[lang]));
    expect(section(code, lang, 'conditions')).toEqual(item.conditions.map((c) => c[lang]));
    expect(section(code, lang, 'result')).toEqual([item.result[lang]]);
    expect(section(code, lang, 'supportingSystem')).toEqual([item.supportingSystem[lang]]);
  });

  it.each(cases)('lists every material of every action of %s in %s', (code, lang) => {
    const item = catalogue.items.find((i) => i.code === code)!;
    const text = section(code, lang, 'materials').join('\n');
    for (const action of item.actions) {
      for (const use of action.materials) {
        expect(text).toContain(catalogue.materials.find((m) => m.code === use.code)!.name[lang]);
      }
    }
  });

  it.each(cases)('names every prerequisite of %s in %s', (code, lang) => {
    const item = catalogue.items.find((i) => i.code === code)!;
    const text = section(code, lang, 'prerequisites').join('\n');
    for (const pre of item.prerequisites) expect(text).toContain(catalogue.items.find((i) => i.code === pre)!.name[lang]);
  });

  it('gives the filing window of every change and extension', () => {
    for (const item of selectable) {
      for (const action of item.actions.filter((a) => a.window)) {
        expect(section(item.code, 'en', 'filingWindows').some((line) => line.startsWith(`${action.name.en}:`))).toBe(true);
        expect(section(item.code, 'zh', 'filingWindows').some((line) => line.startsWith(`${action.name.zh}：`))).toBe(true);
      }
    }
  });

  it('shows the three fee bands of the residence permit', () => {
    expect(section('RESIDENCE_PERMIT', 'en', 'fee')).toEqual(
      expect.arrayContaining([expect.stringContaining('RMB 400'), expect.stringContaining('RMB 800'), expect.stringContaining('RMB 1,000')]),
    );
    expect(section('RESIDENCE_PERMIT', 'zh', 'fee')).toEqual(
      expect.arrayContaining([expect.stringContaining('400元'), expect.stringContaining('800元'), expect.stringContaining('1000元')]),
    );
  });

  it('gives the residence permit time limit in calendar days', () => {
    expect(section('RESIDENCE_PERMIT', 'en', 'timeLimit')[0]).toMatch(/^\d+ calendar days/);
    expect(section('RESIDENCE_PERMIT', 'zh', 'timeLimit')[0]).toMatch(/^\d+个自然日/);
  });

  it('gives the work permit time limit in working days', () => {
    expect(section('WORK_PERMIT', 'en', 'timeLimit')[0]).toMatch(/^\d+ working days/);
    expect(section('WORK_PERMIT', 'zh', 'timeLimit')[0]).toMatch(/^\d+个工作日/);
  });

  it('carries the catalogue version and writes every section into the markdown', () => {
    const guide = serviceGuide(catalogue, 'WORK_PERMIT', 'zh');
    expect(guide.catalogueVersion).toBe(catalogue.version);
    expect(guide.markdown.startsWith(`# ${guide.title}\n`)).toBe(true);
    for (const s of guide.sections) expect(guide.markdown).toContain(`## ${s.heading}\n`);
  });

  it('refuses an unknown item code with unknown_item', () => {
    expect(() => serviceGuide(catalogue, 'NO_SUCH_ITEM', 'en')).toThrow(expect.objectContaining({ code: GuideErrorCode.UnknownItem }));
  });

  it.each(steps.map((s) => s.code))('refuses the step %s with not_a_service_item', (code) => {
    expect(() => serviceGuide(catalogue, code, 'zh')).toThrow(GuideError);
    expect(() => serviceGuide(catalogue, code, 'zh')).toThrow(expect.objectContaining({ code: GuideErrorCode.NotAServiceItem }));
  });

  it('refuses an unsupported language with unsupported_language', () => {
    expect(() => serviceGuide(catalogue, 'WORK_PERMIT', 'fr' as Lang)).toThrow(expect.objectContaining({ code: GuideErrorCode.UnsupportedLanguage }));
  });

  it('tells where, when and how in Chinese: the window, hours, phone, online entry, item code, statutory and promised limits, visits, and how a fee is paid', () => {
    expect(section('RESIDENCE_PERMIT', 'zh', 'service')).toEqual([
      '事项编码：WH-YJS-02',
      '办理地点：威海市政务服务中心公安机关出入境大厅 外国人来华工作“一件事”窗口',
      '办理时间：周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）',
      '咨询电话：12345',
      '网上办理：山东政务服务网（威海）“外国人来华工作一件事”专区',
      '法定办结时限：15个自然日',
      '承诺办结时限：7个工作日',
      '到办事现场次数：最多1次',
    ]);
    expect(section('RESIDENCE_PERMIT', 'zh', 'fee')).toContain('缴费方式：在出入境窗口现场缴纳（银行卡或扫码），或经山东政务服务网在线缴纳');
    expect(section('WORK_PERMIT', 'zh', 'service')).toContain('到办事现场次数：0次（全程网办）');
  });

  it("tells the same in English: the law's limit with its extension, the item's own limit as the promise", () => {
    const lines = section('WORK_PERMIT', 'en', 'service');
    const wp = catalogue.parameters.workPermit;
    expect(lines).toContain(`Statutory time limit: ${wp.decisionWorkingDays} working days, extendable by ${wp.decisionExtensionWorkingDays} working days`);
    expect(lines.find((line) => line.startsWith('Promised time limit: '))).toMatch(new RegExp(`^Promised time limit: ${wp.reviewWorkingDays.other} working days`));
    expect(lines).toContain('Enquiries: 12345');
    expect(lines).toContain('Visits in person: none (entirely online)');
  });

  it('refuses to give a guide without the item\'s service facts', () => {
    const incomplete = { ...catalogue, items: catalogue.items.map((item) => (item.code === 'WORK_PERMIT' ? { ...item, service: undefined } : item)) };
    expect(() => serviceGuide(incomplete, 'WORK_PERMIT', 'zh')).toThrow(expect.objectContaining({ code: GuideErrorCode.InconsistentCatalogue }));
  });
});
