import type { ApplicationEventRecord, ApplicationView, AvailableCommand } from '@fioco-flow/core';
import { commandCatalog, stateLabels, type ApplicationState } from '@fioco-flow/core';
import type { Locale } from '@fioco-flow/rules';

/** An application as the API writes it: the core's view with the state label in the response language. */
export type ApplicationBody = Omit<ApplicationView, 'stateLabel'> & { readonly stateLabel: string };

/** Writes an application view with its state label in one language. */
export function toApplicationBody(view: ApplicationView, locale: Locale): ApplicationBody {
  return { ...view, stateLabel: view.stateLabel[locale] };
}

/** Writes an event of the log with the label of its command and of the state it led to. */
export function toEventBody(event: ApplicationEventRecord, locale: Locale) {
  const label =
    event.type === 'application.create'
      ? locale === 'ru'
        ? 'Заявка создана'
        : 'Application created'
      : commandCatalog[event.type].label[locale];
  return { ...event, label, stateLabel: stateLabels[event.state][locale] };
}

/** Writes the available commands of an application with its state label. */
export function toAvailableCommandsBody(
  result: { readonly state: ApplicationState; readonly version: number; readonly commands: readonly AvailableCommand[] },
  locale: Locale,
) {
  return {
    state: result.state,
    stateLabel: stateLabels[result.state][locale],
    version: result.version,
    commands: result.commands.map((command) => ({
      type: command.type,
      label: command.label,
      available: command.available,
      message: command.message,
      reasons: command.reasons.map((reason) => ({ code: reason.condition, detail: reason.message, params: reason.params })),
    })),
  };
}
