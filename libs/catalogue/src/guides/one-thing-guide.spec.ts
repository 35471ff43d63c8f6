import type { Lang } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { mergeForm } from '../form/merged-form';
import { flowChart } from './flow-chart';
import { closeFlowChartRenderer } from './flow-chart-renderer';
import { ONE_THING_HEADINGS } from './guide-labels';
import type { OneThingGuide, OneThingSectionId } from './guide.types';
import { oneThingGuide } from './one-thing-guide';

const catalogue = getCatalogue();
const langs: Lang[] = ['zh', 'en'];
const agencyOf = (code: string, lang: Lang) => catalogue.agencies.find((a) => a.code === code)!.name[lang];
const selectable = catalogue.items.filter((item) => item.kind !== 'step');
const steps = catalogue.items.filter((item) => item.kind === 'step');
const passport = catalogue.materials.find((m) => m.code === 'PASSPORT')!;
const FAKE_SVG = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';

/** Layout is the renderer's concern (see flow-chart-renderer.spec); here a stand-in keeps the guide in-process and fast. */
function guide(lang: Lang): Promise<OneThingGuide> {
  return oneThingGuide(catalogue, lang, { renderDot: async () => FAKE_SVG });
}

function section(g: OneThingGuide, id: OneThingSectionId): string[] {
  return g.sections.find((s) => s.id === id)?.items ?? [];
}

/** The action an applicant applying for the first time picks. */
function firstAction(code: string) {
  const item = catalogue.items.find((i) => i.code === code)!;
  return item.actions.find((a) => a.action === 'issue' || a.action === 'apply') ?? item.actions[0];
}

describe(oneThingGuide.name, () => {
  afterAll(async () => {
    await closeFlowChartRenderer();
  });

  it.each(langs)('has every section, none empty (%s)', async (lang) => {
    const g = await guide(lang);
    expect(g.sections.map((s) => s.id)).toEqual(Object.keys(ONE_THING_HEADINGS));
    for (const s of g.sections) expect(s.items.length).toBeGreaterThan(0);
  });

  it.each(langs)('covers every basic and extended item and names its agency (%s)', async (lang) => {
    const g = await guide(lang);
    expect(g.items.map((i) => i.code)).toEqual(selectable.map((i) => i.code));
    const scope = section(g, 'scope').join('\n');
    for (const item of selectable) {
      expect(scope).toContain(item.name[lang]);
      expect(scope).toContain(agencyOf(item.agency, lang));
    }
  });

  it('does not offer the steps as items, but says they run within the flow', async () => {
    const g = await guide('en');
    for (const step of steps) {
      expect(g.items.map((i) => i.code)).not.toContain(step.code);
      expect(section(g, 'scope').join('\n')).toContain(step.name.en);
    }
  });

  it.each(langs)('says who may apply: the foreigner, the employer and the offline window (%s)', async (lang) => {
    expect(section(await guide(lang), 'applicants')).toHaveLength(3);
  });

  it.each(langs)('lists the passport once, with every item that needs it (%s)', async (lang) => {
    const g = await guide(lang);
    const needing = selectable.filter((item) => firstAction(item.code).materials.some((m) => m.code === passport.code)).map((i) => i.code);
    const entries = g.materials.filter((m) => m.code === passport.code);
    expect(entries).toHaveLength(1);
    expect(entries[0].items.map((i) => i.code).sort()).toEqual([...needing].sort());
    const lines = section(g, 'materials').filter((line) => line.startsWith(passport.name[lang]));
    expect(lines).toHaveLength(1);
    for (const code of needing) expect(lines[0]).toContain(catalogue.items.find((i) => i.code === code)!.name[lang]);
  });

  it('lists each document of the merged form for a first application of every item, once', async () => {
    const g = await guide('zh');
    const codes = g.materials.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    const form = mergeForm(catalogue, selectable.map((item) => ({ code: item.code, action: firstAction(item.code).action })));
    expect(codes).toEqual(form.materials.map((m) => m.code));
    expect(g.reduction).toEqual(form.reduction);
  });

  it('does not ask for a document that an item of the one thing produces (the work permit proof)', async () => {
    const produced = catalogue.materials.filter((m) => m.producedBy && selectable.some((item) => item.code === m.producedBy));
    expect(produced.length).toBeGreaterThan(0);
    const codes = (await guide('en')).materials.map((m) => m.code);
    for (const material of produced) expect(codes).not.toContain(material.code);
  });

  it.each(langs)('says how much one form and one set of materials save (%s)', async (lang) => {
    const g = await guide(lang);
    const text = section(g, 'materials').join('\n');
    expect(text).toContain(String(g.reduction.materialsSeparate));
    expect(text).toContain(String(g.reduction.materialsMerged));
  });

  it.each(langs)('gives each item its time limit and fee (%s)', async (lang) => {
    const g = await guide(lang);
    const lines = section(g, 'timeLimitsAndFees');
    for (const item of g.items) {
      const line = lines.find((l) => l.startsWith(item.name));
      expect(line).toContain(item.timeLimit);
      for (const fee of item.fee) expect(line).toContain(fee);
    }
  });

  it('orders approval by the graph: the steps in parallel, then the work permit, then its dependants in parallel', async () => {
    const { approvalOrder } = await guide('en');
    const stageOf = (code: string) => approvalOrder.find((s) => s.items.some((i) => i.code === code))!.stage;
    for (const step of steps) expect(stageOf(step.code)).toBeLessThan(stageOf('WORK_PERMIT'));
    const dependants = catalogue.items.filter((i) => i.prerequisites.includes('WORK_PERMIT'));
    for (const item of dependants) expect(stageOf(item.code)).toBeGreaterThan(stageOf('WORK_PERMIT'));
    const afterPermit = approvalOrder.find((s) => s.stage === stageOf(dependants[0].code))!;
    expect(afterPermit.parallel).toBe(true);
    expect(afterPermit.waitsFor.map((i) => i.code)).toEqual(['WORK_PERMIT']);
  });

  it.each(langs)('tells the order step by step, from submission to the notification (%s)', async (lang) => {
    const g = await guide(lang);
    expect(section(g, 'approvalOrder')).toHaveLength(g.approvalOrder.length + 2);
  });

  it('includes the flow chart as Mermaid and as the rendered SVG', async () => {
    const g = await guide('zh');
    expect(g.flowChart).toEqual({ mermaid: flowChart(catalogue, 'zh').mermaid, svg: FAKE_SVG });
    expect(g.markdown).toContain('```mermaid\nflowchart TB\n');
  });

  it('renders the flow chart with Graphviz by default', async () => {
    const g = await oneThingGuide(catalogue, 'zh');
    expect(g.flowChart.svg).toContain('<svg ');
    expect(g.flowChart.svg).toContain(catalogue.items[0].name.zh);
  }, 30_000);

  it('lays out the flow chart with the renderer it is given', async () => {
    const renderDot = jest.fn(async () => FAKE_SVG);
    await oneThingGuide(catalogue, 'en', { renderDot });
    expect(renderDot).toHaveBeenCalledWith(flowChart(catalogue, 'en').dot);
  });

  it('carries the catalogue version', async () => {
    expect((await guide('en')).catalogueVersion).toBe(catalogue.version);
  });

  it('says where the one window is, when it opens, whom to call and where to apply online, and each item\'s promised time limit', async () => {
    const zh = await guide('zh');
    expect(section(zh, 'service')).toEqual([
      '办理地点：威海市政务服务中心公安机关出入境大厅 外国人来华工作“一件事”窗口',
      '办理时间：周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）',
      '咨询电话：12345',
      '网上办理：山东政务服务网（威海）“外国人来华工作一件事”专区',
    ]);
    expect(section(zh, 'timeLimitsAndFees').join('\n')).toContain('承诺办结时限：7个工作日');
    expect(section(await guide('en'), 'service')).toContain('Enquiries: 12345');
  });
});
