import type { AgencyCode, Catalogue, CatalogueItem, Lang } from '../model/catalogue.model';
import { agenciesOf, agencyName, assertLang, formatTimeLimit, hasDependants, isSelectable, prerequisiteLayers, requireItem } from './guide-format';
import { PHRASES } from './guide-labels';
import type { FlowChart } from './guide.types';

/**
 * The business flow chart (业务流程图) from the prerequisite graph: submission → pre-review by every
 * agency in parallel → the items layer by layer (each layer runs in parallel and waits only for its
 * prerequisites) → results notified. Built once as a small graph, then written as Mermaid and DOT.
 */
export function flowChart(catalogue: Catalogue, lang: Lang): FlowChart {
  assertLang(lang);
  const chart = buildChart(catalogue, lang);
  return { mermaid: toMermaid(chart), dot: toDot(chart) };
}

/**
 * The viewer's browser picks the first installed family. Chinese charts lead with CJK families; English
 * ones lead with Latin families (a CJK font draws ’ and “ full-width) and keep the CJK ones as fallback.
 */
export const FLOW_CHART_FONTS: Record<Lang, string> = {
  zh: 'Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif',
  en: 'Noto Sans, Helvetica Neue, Arial, DejaVu Sans, Noto Sans CJK SC, Microsoft YaHei, sans-serif',
};

type NodeRole = 'terminal' | 'review' | 'item' | 'step';

interface ChartNode {
  id: string;
  lines: string[];
  role: NodeRole;
  agency?: AgencyCode;
}

interface ChartGroup {
  id: string;
  label: string;
  nodeIds: string[];
}

/** An end is a node, or a group drawn as one block (the edge meets the group's border). */
interface ChartEdge {
  from: string;
  to: string;
  fromGroup?: string;
  toGroup?: string;
}

interface Chart {
  lang: Lang;
  title: string[];
  nodes: ChartNode[];
  groups: ChartGroup[];
  edges: ChartEdge[];
}

const SUBMIT = 'submit';
const NOTIFY = 'notify';
const PRE_REVIEW = 'prereview';

/** Long English agency names are broken at spaces into balanced lines; Chinese ones stay whole. */
const MAX_LINE = 30;

function wrap(line: string): string[] {
  if (line.length <= MAX_LINE || !line.includes(' ')) return [line];
  const words = line.split(' ');
  const fill = (width: number): string[] => {
    const out: string[] = [];
    for (const word of words) {
      const last = out.length - 1;
      if (last >= 0 && out[last].length + 1 + word.length <= width) out[last] = `${out[last]} ${word}`;
      else out.push(word);
    }
    return out;
  };
  const lineCount = Math.ceil(line.length / MAX_LINE);
  for (let width = Math.ceil(line.length / lineCount); ; width++) {
    const lines = fill(width);
    if (lines.length <= lineCount) return lines;
  }
}

function buildChart(catalogue: Catalogue, lang: Lang): Chart {
  const p = PHRASES[lang];
  const selectable = catalogue.items.filter(isSelectable);
  const reviewers = agenciesOf(selectable);
  const layers = prerequisiteLayers(catalogue);
  const reviewId = (agency: AgencyCode) => `${PRE_REVIEW}_${agency}`;

  const nodes: ChartNode[] = [
    { id: SUBMIT, lines: p.node.submit, role: 'terminal' },
    ...reviewers.map((agency): ChartNode => ({ id: reviewId(agency), lines: [agencyName(catalogue, agency, lang), p.node.preReview].flatMap(wrap), role: 'review', agency })),
    ...layers.flat().map(
      (item): ChartNode => ({
        id: nodeId(item),
        // The item's name stays on one line, so it can be found in the chart as the catalogue spells it.
        lines: [item.name[lang], ...wrap(agencyName(catalogue, item.agency, lang)), formatTimeLimit({ ...item.timeLimit, note: undefined }, lang)],
        role: item.kind === 'step' ? 'step' : 'item',
        agency: item.agency,
      }),
    ),
    { id: NOTIFY, lines: p.node.notify, role: 'terminal' },
  ];

  const groups: ChartGroup[] = [{ id: PRE_REVIEW, label: p.node.preReviewCluster, nodeIds: reviewers.map(reviewId) }];
  const layerEnd = (layer: CatalogueItem[], index: number): { node: string; group?: string } => {
    if (layer.length === 1) return { node: nodeId(layer[0]) };
    const group = `stage_${index}`;
    const shared = sharedPrerequisites(catalogue, layer, lang);
    groups.push({ id: group, label: shared.length > 0 ? p.node.parallelAfter(shared) : p.node.parallel, nodeIds: layer.map(nodeId) });
    // The middle member anchors the edge, so the arrow meets the group near its centre.
    return { node: nodeId(layer[Math.floor(layer.length / 2)]), group };
  };
  const [firstLayer] = layers.map(layerEnd);

  const reviewAnchor = reviewId(reviewers[Math.floor(reviewers.length / 2)]);
  const edges: ChartEdge[] = [
    ...reviewers.map((agency) => ({ from: SUBMIT, to: reviewId(agency) })),
    { from: reviewAnchor, fromGroup: PRE_REVIEW, to: firstLayer.node, toGroup: firstLayer.group },
    ...layers.flat().flatMap((item) => item.prerequisites.map((pre) => ({ from: nodeId(requireItem(catalogue, pre, `${item.code}.prerequisites`)), to: nodeId(item) }))),
    ...selectable.filter((item) => !hasDependants(catalogue, item.code)).map((item) => ({ from: nodeId(item), to: NOTIFY })),
  ];
  return { lang, title: [p.flowChartTitle, p.catalogueVersion(catalogue.version)], nodes, groups, edges };
}

/** When every member of a layer waits for the same items, the group says so. */
function sharedPrerequisites(catalogue: Catalogue, layer: CatalogueItem[], lang: Lang): string[] {
  const key = (item: CatalogueItem) => [...item.prerequisites].sort().join(',');
  if (layer.some((item) => key(item) !== key(layer[0]))) return [];
  return layer[0].prerequisites.map((code) => requireItem(catalogue, code, `${layer[0].code}.prerequisites`).name[lang]);
}

/** Item codes are data; anything outside [A-Za-z0-9_] is replaced so both syntaxes accept the id. */
function nodeId(item: CatalogueItem): string {
  return item.code.replace(/[^A-Za-z0-9_]/g, '_');
}

// ---- colours: one per agency, so a reader can follow an agency's nodes ----

const AGENCY_COLOURS: Record<AgencyCode, { fill: string; stroke: string }> = {
  approval: { fill: '#dbeafe', stroke: '#1d4ed8' },
  scitech: { fill: '#ede9fe', stroke: '#6d28d9' },
  psb: { fill: '#dcfce7', stroke: '#15803d' },
  hrss: { fill: '#ffedd5', stroke: '#c2410c' },
  bigdata: { fill: '#e5e7eb', stroke: '#374151' },
};
const TERMINAL_COLOURS = { fill: '#f8fafc', stroke: '#0f172a' };
const TEXT_COLOUR = '#0f172a';

function coloursOf(node: ChartNode): { fill: string; stroke: string } {
  return node.agency ? AGENCY_COLOURS[node.agency] : TERMINAL_COLOURS;
}

// ---- Mermaid ----

function mermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function mermaidNode(node: ChartNode): string {
  const label = `"${node.lines.map(mermaidText).join('<br/>')}"`;
  return node.role === 'terminal' ? `${node.id}([${label}])` : `${node.id}[${label}]`;
}

function toMermaid(chart: Chart): string {
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const lines = ['flowchart TB', `  %% ${chart.title.map(mermaidText).join(' — ')}`, '  %% Generated from the catalogue by libs/catalogue/scripts/render-flow-chart.ts; do not edit by hand.'];
  // Nodes in chart order; a group is written where its first member would be.
  const written = new Set<string>();
  for (const node of chart.nodes) {
    if (written.has(node.id)) continue;
    const group = chart.groups.find((g) => g.nodeIds.includes(node.id));
    if (group) {
      lines.push(`  subgraph ${group.id}["${mermaidText(group.label)}"]`);
      for (const id of group.nodeIds) {
        const member = byId.get(id);
        if (member) lines.push(`    ${mermaidNode(member)}`);
        written.add(id);
      }
      lines.push('  end');
    } else {
      lines.push(`  ${mermaidNode(node)}`);
      written.add(node.id);
    }
  }
  for (const edge of chart.edges) lines.push(`  ${edge.fromGroup ?? edge.from} --> ${edge.toGroup ?? edge.to}`);
  const classes = new Map<string, string[]>();
  for (const node of chart.nodes) {
    const name = node.agency ?? 'terminal';
    classes.set(name, [...(classes.get(name) ?? []), node.id]);
  }
  for (const [name, ids] of classes) {
    const { fill, stroke } = name === 'terminal' ? TERMINAL_COLOURS : AGENCY_COLOURS[name as AgencyCode];
    lines.push(`  classDef ${name} fill:${fill},stroke:${stroke},color:${TEXT_COLOUR}`);
    lines.push(`  class ${ids.join(',')} ${name}`);
  }
  for (const node of chart.nodes.filter((n) => n.role === 'step')) lines.push(`  style ${node.id} stroke-dasharray: 5 5`);
  return lines.join('\n') + '\n';
}

// ---- DOT ----

const NODE_FONT_SIZE = 13;

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function dotLabel(lines: string[]): string {
  return `"${lines.map((line) => line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;
}

/**
 * Graphviz in WASM has no font files, so it estimates text widths, and it takes Chinese characters
 * for narrow ones. The node's minimum width is set from a full-width (1 em) estimate instead.
 */
function estimatedWidthInches(lines: string[], fontSize: number): number {
  const em = (ch: string): number => {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) return 1; // CJK, full-width forms and punctuation
    if (/[A-Z0-9MW@%&]/.test(ch)) return 0.68;
    if (/[ iljtfr.,;:'!|()-]/.test(ch)) return 0.32;
    return 0.6;
  };
  const widest = Math.max(...lines.map((line) => [...line].reduce((sum, ch) => sum + em(ch), 0)));
  const paddingPoints = 28;
  return Math.round(((widest * fontSize + paddingPoints) / 72) * 100) / 100;
}

function dotNode(node: ChartNode): string {
  const { fill, stroke } = coloursOf(node);
  const style = node.role === 'terminal' ? 'rounded,filled,bold' : node.role === 'step' ? 'filled,dashed' : 'filled';
  const attrs = [
    `label=${dotLabel(node.lines)}`,
    `width=${estimatedWidthInches(node.lines, NODE_FONT_SIZE)}`,
    `style=${dotString(style)}`,
    `fillcolor=${dotString(fill)}`,
    `color=${dotString(stroke)}`,
  ];
  return `${dotString(node.id)} [${attrs.join(', ')}];`;
}

function toDot(chart: Chart): string {
  const grouped = new Set(chart.groups.flatMap((g) => g.nodeIds));
  const lines = [
    `// ${chart.title.join(' — ')}`,
    '// Generated from the catalogue by libs/catalogue/scripts/render-flow-chart.ts; do not edit by hand.',
    'digraph one_thing {',
    `  graph [compound=true, newrank=true, rankdir=TB, nodesep=0.3, ranksep=0.7, pad=0.3, fontname=${dotString(FLOW_CHART_FONTS[chart.lang])}, fontsize=18, labelloc=t, label=${dotLabel(chart.title)}, fontcolor=${dotString(TEXT_COLOUR)}];`,
    `  node [shape=box, margin="0.12,0.06", fontname=${dotString(FLOW_CHART_FONTS[chart.lang])}, fontsize=${NODE_FONT_SIZE}, fontcolor=${dotString(TEXT_COLOUR)}, penwidth=1.2];`,
    `  edge [color="#475569", arrowsize=0.8, penwidth=1.1];`,
  ];
  for (const node of chart.nodes.filter((n) => !grouped.has(n.id))) lines.push(`  ${dotNode(node)}`);
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  for (const group of chart.groups) {
    lines.push(`  subgraph ${dotString(`cluster_${group.id}`)} {`);
    lines.push(`    label=${dotString(group.label)}; fontsize=13; style="rounded,dashed"; color="#94a3b8"; margin=12;`);
    for (const id of group.nodeIds) {
      const node = byId.get(id);
      if (node) lines.push(`    ${dotNode(node)}`);
    }
    lines.push('  }');
  }
  // Every edge stops at the border of a group it enters or leaves, so no line crosses a group's label
  // and a group reads as one block of parallel work.
  const groupOf = new Map(chart.groups.flatMap((g) => g.nodeIds.map((id) => [id, g.id] as const)));
  for (const edge of chart.edges) {
    const tail = edge.fromGroup ?? groupOf.get(edge.from);
    const head = edge.toGroup ?? groupOf.get(edge.to);
    const attrs = [
      ...(tail && tail !== head ? [`ltail=${dotString(`cluster_${tail}`)}`] : []),
      ...(head && head !== tail ? [`lhead=${dotString(`cluster_${head}`)}`] : []),
    ];
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
