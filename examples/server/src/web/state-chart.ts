import type { MachineChart } from './api.js';
import { t } from './i18n.js';
import { html } from './ui.js';

interface Box {
  readonly id: string;
  readonly label: string;
  readonly final: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly labels: string[];
}

/** The positions of the chart's states and the arrows between them. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  /** The box drawn around the substates of a compound state (`in_work`), if any. */
  readonly groups: readonly (Box & { readonly children: readonly string[] })[];
  readonly edges: readonly Edge[];
}

const mainWidth = 250;
const sideWidth = 170;
const boxHeight = 46;
const rowGap = 34;
const groupPadding = 12;
const groupLabelHeight = 20;
const columnGap = 70;
const margin = 16;

/**
 * Lays the chart out for a narrow screen. The states that are not final go down one column in the order a
 * breadth-first walk from the initial state reaches them, which is the procedure's own order. The final state
 * reached from the last of them ends the column. The other final states form a second column, each beside the
 * states it is reached from. Transitions that keep their state are left out.
 */
export function layoutChart(chart: MachineChart): ChartLayout {
  const parents = new Set(chart.states.map((state) => state.parent).filter((parent): parent is string => parent !== null));
  const leaves = chart.states.filter((state) => !parents.has(state.id));
  const childrenOf = (parent: string) => leaves.filter((state) => state.parent === parent).map((state) => state.id);
  const initialChild = (id: string) => {
    const children = chart.states.filter((state) => state.parent === id);
    return (children.find((state) => state.initial) ?? children[0])?.id ?? id;
  };
  const entry = (id: string) => (parents.has(id) ? initialChild(id) : id);

  // Arrows between distinct states, merged per pair; a compound source fans out from each of its substates.
  const edgeMap = new Map<string, Edge>();
  for (const transition of chart.transitions) {
    if (transition.target === null) continue;
    const sources = parents.has(transition.source) ? childrenOf(transition.source) : [transition.source];
    const target = entry(transition.target);
    for (const source of sources) {
      if (source === target) continue;
      const key = `${source}->${target}`;
      const edge = edgeMap.get(key) ?? { from: source, to: target, labels: [] };
      if (!edge.labels.includes(transition.label)) edge.labels.push(transition.label);
      edgeMap.set(key, edge);
    }
  }
  const edges = [...edgeMap.values()];

  // Breadth-first order of the states that are not final.
  const isFinal = new Map(leaves.map((state) => [state.id, state.final]));
  const order: string[] = [];
  const queue = [entry(chart.initial)];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (order.includes(id) || isFinal.get(id)) continue;
    order.push(id);
    for (const edge of edges) if (edge.from === id) queue.push(edge.to);
  }
  for (const state of leaves) if (!state.final && !order.includes(state.id)) order.push(state.id);

  const finals = leaves.filter((state) => state.final).map((state) => state.id);
  const lastMain = order.at(-1);
  const happyEnd = finals.find((id) => edges.some((edge) => edge.from === lastMain && edge.to === id)) ?? null;

  const labelOf = (id: string) => {
    const state = chart.states.find((entryState) => entryState.id === id)!;
    const parent = state.parent ? chart.states.find((entryState) => entryState.id === state.parent) : undefined;
    // A substate's label repeats its parent's («В работе: …»), and the group box already shows that.
    return parent && state.label.startsWith(`${parent.label}: `) ? state.label.slice(parent.label.length + 2) : state.label;
  };

  // The main column; a compound state's substates get room for the group's label above the first of them.
  const boxes: Box[] = [];
  let y = margin;
  let previousParent: string | null = null;
  for (const id of [...order, ...(happyEnd ? [happyEnd] : [])]) {
    const parent = chart.states.find((state) => state.id === id)?.parent ?? null;
    if (parent !== null && parent !== previousParent) y += groupLabelHeight;
    if (parent === null && previousParent !== null) y += groupPadding;
    boxes.push({ id, label: labelOf(id), final: isFinal.get(id) ?? false, x: margin + groupPadding, y, width: mainWidth, height: boxHeight });
    y += boxHeight + rowGap;
    previousParent = parent;
  }

  // The side column: each other final state beside the mean height of its sources, pushed down to avoid overlap.
  const sideX = margin + groupPadding * 2 + mainWidth + columnGap;
  const centerOf = (id: string) => {
    const box = boxes.find((entryBox) => entryBox.id === id);
    return box ? box.y + box.height / 2 : 0;
  };
  const side = finals
    .filter((id) => id !== happyEnd)
    .map((id) => {
      const sources = edges.filter((edge) => edge.to === id).map((edge) => centerOf(edge.from));
      const wanted = sources.length === 0 ? margin : sources.reduce((sum, value) => sum + value, 0) / sources.length - boxHeight / 2;
      return { id, wanted };
    })
    .sort((a, b) => a.wanted - b.wanted);
  let sideY = margin;
  for (const { id, wanted } of side) {
    const top = Math.max(sideY, wanted);
    boxes.push({ id, label: labelOf(id), final: true, x: sideX, y: top, width: sideWidth, height: boxHeight });
    sideY = top + boxHeight + 14;
  }

  const groups = [...parents].map((parent) => {
    const children = boxes.filter((box) => chart.states.find((state) => state.id === box.id)?.parent === parent);
    const top = Math.min(...children.map((box) => box.y)) - groupLabelHeight - 4;
    const bottom = Math.max(...children.map((box) => box.y + box.height)) + groupPadding;
    return {
      id: parent,
      label: chart.states.find((state) => state.id === parent)?.label ?? parent,
      final: false,
      x: margin,
      y: top,
      width: mainWidth + groupPadding * 2,
      height: bottom - top,
      children: children.map((box) => box.id),
    };
  });

  const height = Math.max(...boxes.map((box) => box.y + box.height), 0) + margin;
  return { width: sideX + sideWidth + margin, height, boxes, groups, edges };
}

function wrap(label: string, maxLength: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line !== '' && `${line} ${word}`.length > maxLength) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.slice(0, 3);
}

function arrowPath(from: Box, to: Box): { d: string; labelX: number; labelY: number; side: boolean } {
  const sameColumn = from.x === to.x;
  if (sameColumn && to.y > from.y) {
    const x = from.x + from.width / 2;
    if (to.y - (from.y + from.height) < rowGap * 2) {
      return { d: `M${x},${from.y + from.height} L${x},${to.y - 2}`, labelX: x + 8, labelY: (from.y + from.height + to.y) / 2 + 4, side: false };
    }
    // A forward jump over other states runs along the right edge of the column.
    const edgeX = from.x + from.width;
    const outX = edgeX + 24;
    return {
      d: `M${edgeX},${from.y + from.height / 2} C${outX},${from.y + from.height / 2} ${outX},${to.y + to.height / 2} ${edgeX + 2},${to.y + to.height / 2}`,
      labelX: outX,
      labelY: (from.y + to.y) / 2,
      side: true,
    };
  }
  if (sameColumn) {
    // A step back (a return for correction) runs along the left edge.
    const x = from.x;
    const outX = x - 22;
    return {
      d: `M${x},${from.y + from.height / 2} C${outX},${from.y + from.height / 2} ${outX},${to.y + to.height / 2} ${x - 2},${to.y + to.height / 2}`,
      labelX: outX,
      labelY: (from.y + to.y) / 2 + to.height / 2,
      side: true,
    };
  }
  const startX = from.x + from.width;
  const startY = from.y + from.height / 2;
  const endX = to.x;
  const endY = to.y + to.height / 2;
  const middle = (startX + endX) / 2;
  return { d: `M${startX},${startY} C${middle},${startY} ${middle},${endY} ${endX - 2},${endY}`, labelX: middle, labelY: (startY + endY) / 2, side: true };
}

/**
 * The state chart as an SVG picture: the current state filled, states the application has passed through
 * outlined in the same color, final states with a double border. The SVG's accessible name gives the current state
 * for screen readers.
 */
export function StateChart(props: { chart: MachineChart; current: string; visited: ReadonlySet<string> }) {
  const layout = layoutChart(props.chart);
  const byId = new Map(layout.boxes.map((box) => [box.id, box]));
  const currentLabel = props.chart.states.find((state) => state.id === props.current)?.label ?? props.current;

  return html`<figure class="state-chart">
    <svg
      viewBox=${`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label=${`${t('whereTitle')}: ${currentLabel}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
        </marker>
      </defs>
      ${layout.groups.map(
        (group) => html`<g class="chart-group">
          <rect x=${group.x} y=${group.y} width=${group.width} height=${group.height} rx="10" />
          <text x=${group.x + 10} y=${group.y + 15}>${group.label}</text>
        </g>`,
      )}
      ${layout.edges.map((edge) => {
        const from = byId.get(edge.from);
        const to = byId.get(edge.to);
        if (!from || !to) return null;
        const path = arrowPath(from, to);
        const toFinalSide = to.final && to.x !== from.x;
        return html`<g class=${`chart-edge${toFinalSide ? ' to-final' : ''}`}>
          <title>${edge.labels.join(' / ')}</title>
          <path d=${path.d} marker-end="url(#arrow)" />
          ${toFinalSide || path.side ? null : html`<text x=${path.labelX} y=${path.labelY}>${edge.labels[0]}</text>`}
        </g>`;
      })}
      ${layout.boxes.map((box) => {
        const state = box.id === props.current ? 'current' : props.visited.has(box.id) ? 'visited' : 'other';
        const lines = wrap(box.label, box.width > sideWidth ? 32 : 20);
        return html`<g class=${`chart-state chart-state-${state}${box.final ? ' chart-state-final' : ''}`} data-state=${box.id}>
          <rect x=${box.x} y=${box.y} width=${box.width} height=${box.height} rx="8" />
          ${box.final ? html`<rect class="inner" x=${box.x + 3} y=${box.y + 3} width=${box.width - 6} height=${box.height - 6} rx="6" />` : null}
          <text x=${box.x + box.width / 2} y=${box.y + box.height / 2 - ((lines.length - 1) * 14) / 2 + 4} text-anchor="middle">
            ${lines.map((line, index) => html`<tspan x=${box.x + box.width / 2} dy=${index === 0 ? 0 : 14}>${line}</tspan>`)}
          </text>
        </g>`;
      })}
    </svg>
    <figcaption>
      <span class="legend legend-current">${t('chartLegendCurrent')}</span>
      <span class="legend legend-visited">${t('chartLegendVisited')}</span>
      <span class="legend legend-final">${t('chartLegendFinal')}</span>
    </figcaption>
  </figure>`;
}
