import type { Deadline } from '@fioco-flow/rules';
import type { StepAction } from './file-format.js';

/**
 * Result of a scenario run, ready to print. It names participants by name and subject only, never with a СНИЛС
 * or a date of birth, and every text is already in the run's language.
 */
export interface Timeline {
  readonly title: string;
  readonly header: TimelineHeader;
  readonly entries: readonly TimelineEntry[];
  readonly final: TimelineFinal;
  /** Steps whose outcome differs from the `expect` the file gave them; a step without `expect` should be accepted. */
  readonly unexpectedOutcomes: number;
  /** Set when a step was refused although the file did not mark it `expect: "refused"`: the run stopped there. */
  readonly stopped?: ScenarioStop;
}

/** The step an unexpected refusal stopped the run at, with the service's reasons. */
export interface ScenarioStop {
  /** Index of the step in the file's `steps`, counted from 0. */
  readonly stepIndex: number;
  readonly action: StepAction;
  readonly reasons: readonly string[];
  /** Steps of the file left unrun. */
  readonly skippedSteps: number;
}

export interface TimelineHeader {
  /** Lines about the program, the course dates, the price and the organization. */
  readonly facts: readonly string[];
  /** The course's own deadlines, known before the application exists: submission and contract. */
  readonly deadlines: readonly Deadline[];
}

/** Author of a timeline entry: a person by role and name, or the clock. */
export interface TimelineActor {
  readonly role: 'representative' | 'staff' | 'system';
  /** Surname and initials; absent for the system. */
  readonly name?: string;
}

export interface TimelineEntry {
  readonly at: string;
  readonly actor: TimelineActor;
  /** The scenario step, or `clock` for a change the clock made between steps. */
  readonly action: StepAction | 'clock';
  /** Contents of the step: the document, the reason, the message text, the amount. */
  readonly details: readonly string[];
  readonly outcome: StepOutcome;
  /** Deadlines that appeared with this step (review, a replacement's review, originals). */
  readonly newDeadlines: readonly Deadline[];
  /** Facts the step produced: the code word, overdue flags, the lapse cause, the dispatched package. */
  readonly notices: readonly string[];
  readonly expectation?: { readonly expected: 'accepted' | 'refused'; readonly met: boolean };
}

export type StepOutcome =
  | { readonly accepted: true; readonly stateLabel: string; readonly stateChanged: boolean }
  | { readonly accepted: false; readonly reasons: readonly string[]; readonly stateLabel: string };

export interface TimelineFinal {
  readonly state: string;
  readonly stateLabel: string;
  /** Explanation of the final state: who ended the application, why, and the package. */
  readonly lines: readonly string[];
}
