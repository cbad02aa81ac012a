import type { Locale } from '@fioco-flow/rules';
import type { AnyStateNode } from 'xstate';
import { commandCatalog } from '../commands/catalog.js';
import type { CommandType } from '../commands/payloads.js';
import { guardPlans, type GuardName } from './guards.js';
import { structureMachine } from './inspect.js';
import { stateLabels, type ApplicationState } from './states.js';

/**
 * A state of the chart: its dotted path, its label, whether it is final, and its parent (for `in_work`'s substates).
 *
 * @example
 * ```ts
 * import { describeMachine } from '@fioco-flow/core';
 *
 * describeMachine('en').states.find((state) => state.id === 'closing');
 * //=> { id: 'closing', label: 'Closing documents', final: false, parent: null, initial: false }
 * ```
 */
export interface ChartState {
  readonly id: ApplicationState | 'in_work';
  readonly label: string;
  readonly final: boolean;
  readonly parent: 'in_work' | null;
  readonly initial: boolean;
}

/**
 * A transition of the chart. `to` is `null` for a transition that stays in its state (it changes the data only).
 * `guard` names the guard; `conditions` lists its state and payload conditions.
 *
 * @example
 * ```ts
 * import { describeMachine } from '@fioco-flow/core';
 *
 * describeMachine().transitions.filter((transition) => transition.command === 'package.dispatch').map((transition) => transition.to);
 * //=> ['completed', 'awaiting_payment']
 * ```
 */
export interface ChartTransition {
  readonly id: string;
  readonly from: ApplicationState | 'in_work';
  readonly to: ApplicationState | 'in_work' | null;
  readonly command: CommandType;
  readonly label: string;
  readonly guard: GuardName | null;
  readonly conditions: readonly string[];
}

/**
 * The state chart of the application machine, for a client to draw.
 *
 * @example
 * ```ts
 * import { describeMachine, type MachineChart } from '@fioco-flow/core';
 *
 * const chart: MachineChart = describeMachine('ru');
 * chart.transitions.length; //=> 54
 * ```
 */
export interface MachineChart {
  readonly states: readonly ChartState[];
  readonly transitions: readonly ChartTransition[];
}

function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

function allNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...allNodes(child)]);
}

/**
 * The chart of the machine, read from the machine itself: every state and every transition with labels in the
 * requested language. A transition's id is `<from>:<command>:<index>` where the index counts the transitions of
 * that command in that state, in the order the machine tries them.
 *
 * @example
 * ```ts
 * import { describeMachine } from '@fioco-flow/core';
 *
 * const chart = describeMachine('en');
 * chart.transitions.find((transition) => transition.command === 'contract.confirm');
 * //=> { id: 'in_work.signed_scans_under_review:contract.confirm:0', to: 'enrolled', label: 'Confirm the contract', … }
 * ```
 */
export function describeMachine(locale: Locale = 'ru'): MachineChart {
  const nodes = allNodes(structureMachine.root);

  const states: ChartState[] = nodes.map((node) => {
    const id = pathOf(node) as ApplicationState | 'in_work';
    const parent = node.parent !== undefined && node.parent !== structureMachine.root ? 'in_work' : null;
    const siblingsInitial = (node.parent?.config.initial as string | undefined) === node.key;
    return { id, label: stateLabels[id][locale], final: node.type === 'final', parent, initial: siblingsInitial };
  });

  const transitions: ChartTransition[] = nodes.flatMap((node) =>
    [...node.transitions.entries()].flatMap(([eventType, definitions]) =>
      definitions.map((definition, index) => {
        const command = eventType as CommandType;
        const guard = (typeof definition.guard === 'string' ? definition.guard : (definition.guard as { type?: string } | undefined)?.type) as
          | GuardName
          | undefined;
        const target = definition.target?.[0];
        return {
          id: `${pathOf(node)}:${command}:${index}`,
          from: pathOf(node) as ApplicationState | 'in_work',
          to: target === undefined ? null : (pathOf(target) as ApplicationState | 'in_work'),
          command,
          label: commandCatalog[command].label[locale],
          guard: guard ?? null,
          conditions: guard === undefined ? [] : [...guardPlans[guard].state, ...guardPlans[guard].payload],
        };
      }),
    ),
  );

  return { states, transitions };
}

/**
 * The chart as a Mermaid `stateDiagram-v2`, for documentation.
 *
 * @example
 * ```ts
 * import { machineToMermaid } from '@fioco-flow/core';
 *
 * machineToMermaid('ru').split('\n')[0]; //=> 'stateDiagram-v2'
 * ```
 */
export function machineToMermaid(locale: Locale = 'ru'): string {
  const chart = describeMachine(locale);
  const name = (id: string) => id.replace(/\./g, '__');
  const lines = ['stateDiagram-v2', '  [*] --> draft'];
  for (const state of chart.states) lines.push(`  ${name(state.id)} : ${state.label}`);
  lines.push('  state in_work {', '    [*] --> in_work__awaiting_signed_scans', '  }');
  for (const transition of chart.transitions) {
    const target = transition.to ?? transition.from;
    lines.push(`  ${name(transition.from)} --> ${name(target)} : ${transition.label}`);
  }
  for (const state of chart.states.filter((entry) => entry.final)) lines.push(`  ${name(state.id)} --> [*]`);
  return lines.join('\n');
}
