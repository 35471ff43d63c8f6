import type { Lang } from '../model/catalogue.model';
import { dependantsOf } from '../graph/prerequisite-graph';
import { getCatalogue } from '../registry/catalogue.registry';
import { flowChart } from './flow-chart';

const catalogue = getCatalogue();
const langs: Lang[] = ['zh', 'en'];
const agencyOf = (code: string, lang: Lang) => catalogue.agencies.find((a) => a.code === code)!.name[lang];
const dependants = dependantsOf(catalogue, 'WORK_PERMIT', { directOnly: true });

function mermaidEdges(mermaid: string): [string, string][] {
  return [...mermaid.matchAll(/^\s*(\w+)\s*-->\s*(\w+)\s*$/gm)].map((m) => [m[1], m[2]]);
}

function dotEdges(dot: string): [string, string][] {
  return [...dot.matchAll(/^\s*"([^"]+)"\s*->\s*"([^"]+)"/gm)].map((m) => [m[1], m[2]]);
}

/** The lines of each node's label, by node id. */
function mermaidLabels(mermaid: string): Map<string, string[]> {
  return new Map([...mermaid.matchAll(/^\s*(\w+)\(?\[\s*"([^"]*)"\s*\]\)?\s*$/gm)].map((m) => [m[1], m[2].split('<br/>')]));
}

function dotLabels(dot: string): Map<string, string[]> {
  return new Map([...dot.matchAll(/^\s*"([^"]+)"\s*\[label="((?:[^"\\]|\\.)*)"/gm)].map((m) => [m[1], m[2].split('\\n')]));
}

describe(flowChart.name, () => {
  it('has at least one item depending on the work permit to draw', () => {
    expect(dependants.length).toBeGreaterThan(0);
  });

  it.each(langs)('draws an edge from WORK_PERMIT to each of its dependants (%s)', (lang) => {
    const { mermaid, dot } = flowChart(catalogue, lang);
    for (const code of dependants) {
      expect(mermaidEdges(mermaid)).toContainEqual(['WORK_PERMIT', code]);
      expect(dotEdges(dot)).toContainEqual(['WORK_PERMIT', code]);
    }
  });

  it.each(langs)('draws no edge from a dependant back to the work permit or its prerequisites (%s)', (lang) => {
    const { mermaid, dot } = flowChart(catalogue, lang);
    const upstream = ['WORK_PERMIT', ...catalogue.items.find((i) => i.code === 'WORK_PERMIT')!.prerequisites, 'submit'];
    for (const [from, to] of [...mermaidEdges(mermaid), ...dotEdges(dot)]) {
      if (dependants.includes(from)) expect(upstream).not.toContain(to);
    }
  });

  it.each(langs)('draws an edge from every prerequisite to the item that needs it (%s)', (lang) => {
    const edges = dotEdges(flowChart(catalogue, lang).dot);
    for (const item of catalogue.items) for (const pre of item.prerequisites) expect(edges).toContainEqual([pre, item.code]);
  });

  it.each(langs)('starts at the submission, fans out to a pre-review by every agency with an item, and ends with the notification (%s)', (lang) => {
    const edges = dotEdges(flowChart(catalogue, lang).dot);
    const agencies = new Set(catalogue.items.filter((i) => i.kind !== 'step').map((i) => i.agency));
    for (const agency of agencies) expect(edges).toContainEqual(['submit', `prereview_${agency}`]);
    expect(edges.some(([, to]) => to === 'notify')).toBe(true);
    expect(edges.some(([from]) => from === 'notify')).toBe(false);
    expect(edges.some(([, to]) => to === 'submit')).toBe(false);
  });

  it('writes Mermaid that starts with a flowchart header and closes every subgraph', () => {
    const { mermaid } = flowChart(catalogue, 'zh');
    expect(mermaid.startsWith('flowchart TB\n')).toBe(true);
    expect(mermaid.match(/^\s*subgraph /gm)?.length).toBe(mermaid.match(/^\s*end$/gm)?.length);
  });

  it('writes DOT that is one digraph', () => {
    const { dot } = flowChart(catalogue, 'zh');
    expect(dot).toMatch(/^digraph one_thing \{$/m);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });

  it.each(langs)('names a CJK-capable font family in the DOT (%s)', (lang) => {
    const fonts = [...flowChart(catalogue, lang).dot.matchAll(/fontname="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const list of fonts) expect(list.split(', ')).toEqual(expect.arrayContaining(['Noto Sans CJK SC', 'Microsoft YaHei', 'sans-serif']));
  });

  it('leads the Chinese chart with a CJK family', () => {
    expect(flowChart(catalogue, 'zh').dot).toContain('fontname="Noto Sans CJK SC,');
  });

  it.each(langs)('labels every item with its name and its agency in both syntaxes (%s)', (lang) => {
    const { mermaid, dot } = flowChart(catalogue, lang);
    const inMermaid = mermaidLabels(mermaid);
    const inDot = dotLabels(dot);
    for (const item of catalogue.items) {
      const agency = agencyOf(item.agency, lang);
      for (const labels of [inMermaid, inDot]) {
        const lines = labels.get(item.code) ?? [];
        expect(lines[0]).toBe(item.name[lang]);
        expect(lines.join(' ')).toContain(agency);
      }
    }
  });

  it('escapes quotes in labels so both syntaxes stay well-formed', () => {
    const quoted = { ...catalogue, items: catalogue.items.map((i) => (i.code === 'WORK_PERMIT' ? { ...i, name: { zh: '工作"许可"', en: 'Work "permit" <A>' } } : i)) };
    const { mermaid, dot } = flowChart(quoted, 'en');
    expect(mermaid).toContain('Work #quot;permit#quot; #lt;A#gt;');
    expect(dot).toContain('Work \\"permit\\" <A>');
  });

  it('draws an item added to the catalogue without prerequisites in the first parallel stage', () => {
    const extra = { ...catalogue.items.find((i) => i.code === 'E_SOCIAL_SECURITY_CARD')!, code: 'NEW_EXTENDED', prerequisites: [] };
    const { dot } = flowChart({ ...catalogue, items: [...catalogue.items, extra] }, 'en');
    const firstStage = dot.slice(dot.indexOf('subgraph "cluster_stage_0"'));
    expect(firstStage.slice(0, firstStage.indexOf('}'))).toContain('"NEW_EXTENDED"');
    expect(dotEdges(dot)).toContainEqual(['NEW_EXTENDED', 'notify']);
  });
});
