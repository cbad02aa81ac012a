import type { AvailableCommand } from '@fioco-flow/core';
import { useEffect, useState } from 'preact/hooks';
import { api, ApplicationContext, type ApplicationView, type DeadlineView, type EventView, type DemoAccountInfo, type LoadedApplication, type MachineChart, type ProgramInfo } from './api.js';
import { CommandsPanel } from './commands.js';
import { DocumentsSection } from './documents.js';
import { DraftForm } from './draft-form.js';
import { formatBothZones, formatDate } from './format.js';
import { locale, t, tKey } from './i18n.js';
import { AccessSection, ClosingSection, ContractSection, DeadlinesSection, SummarySection, Timeline } from './overview.js';
import { StateChart } from './state-chart.js';
import { Thread } from './thread.js';
import { Badge, html, Notice, problemText, Section, TextField } from './ui.js';

/** Moves the page to a route: `#/`, `#/applications/<id>`, `#/new/<programId>`. */
export function navigate(route: string): void {
  window.location.hash = route;
}

/** The sign-in screen: one card per demo account with its token field. */
export function SignIn(props: { accounts: readonly DemoAccountInfo[]; prefill: { key: string; token: string } | null; onSignIn: (key: string, token: string) => Promise<void> }) {
  return html`<main id="main" tabindex="-1" class="sign-in">
    <h1>${t('signInTitle')}</h1>
    <p class="intro">${t('signInIntro')}</p>
    <div class="cards">
      ${props.accounts.map(
        (account) => html`<${AccountCard}
          key=${account.key}
          account=${account}
          token=${props.prefill?.key === account.key ? props.prefill.token : ''}
          onSignIn=${props.onSignIn}
        />`,
      )}
    </div>
  </main>`;
}

function AccountCard(props: { account: DemoAccountInfo; token: string; onSignIn: (key: string, token: string) => Promise<void> }) {
  const [token, setToken] = useState(props.token);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = props.account.role === 'staff' ? t('roleStaff') : t('roleRepresentative');
  return html`<form
    class="card account"
    data-account=${props.account.key}
    aria-label=${`${role}: ${props.account.name}`}
    onSubmit=${async (event: Event) => {
      event.preventDefault();
      setBusy(true);
      setError(null);
      try {
        await props.onSignIn(props.account.key, token.trim());
      } catch (failure) {
        setError(problemText(failure) || t('signInFailed'));
      } finally {
        setBusy(false);
      }
    }}
  >
    <h2>${role}</h2>
    <p><strong>${props.account.name}</strong><br />${props.account.position}<br /><span class="muted">${props.account.organization}</span></p>
    <${TextField} label=${t('tokenLabel')} name="token" type="password" autocomplete="off" value=${token} onInput=${setToken} required=${true} />
    <button type="submit" disabled=${busy || token.trim() === ''}>${t('signIn')}</button>
    <${Notice} kind="error" text=${error} />
  </form>`;
}

/** Lists what is overdue in an application: the flags the clock raised, and a next deadline that has passed. */
function overdueItems(application: ApplicationView, now: Date): string[] {
  const { overdue } = application.data;
  const items: string[] = [];
  if (overdue.review !== null) items.push(t('overdueReview'));
  const documents = Object.keys(overdue.documents).length;
  if (documents > 0) items.push(`${t('overdueDocuments')}: ${documents}`);
  if (overdue.originals !== null) items.push(t('overdueOriginals'));
  if (items.length === 0 && application.nextDeadlineAt !== null && Date.parse(application.nextDeadlineAt) <= now.getTime()) {
    items.push(t('overdue'));
  }
  return items;
}

/** The home screen: programs to apply for (representative) and the applications, as a queue for staff. */
export function Home(props: { account: DemoAccountInfo; programs: readonly ProgramInfo[]; now: Date; language: string }) {
  const [applications, setApplications] = useState<ApplicationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listApplications().then(setApplications, (failure) => setError(problemText(failure)));
  }, [props.language]);

  const staff = props.account.role === 'staff';
  const programTitle = (id: string) => props.programs.find((program) => program.id === id)?.title[locale()] ?? id;
  const sorted = [...(applications ?? [])].sort((a, b) =>
    staff ? (a.nextDeadlineAt ?? '9999').localeCompare(b.nextDeadlineAt ?? '9999') : b.createdAt.localeCompare(a.createdAt),
  );

  return html`<main id="main" tabindex="-1">
    ${staff
      ? null
      : html`<${Section} title=${t('programs')} id="programs">
          <ul class="programs">
            ${props.programs.map((program) => {
              const active = applications?.find((application) => application.programId === program.id && !application.final);
              const closed = program.submission !== null && Date.parse(program.submission.endsAt) <= props.now.getTime();
              return html`<li class="card program" key=${program.id} data-program=${program.id}>
                <h3>${program.title[locale()]}</h3>
                <p>${t('programDates')}: ${formatDate(program.courseStart)} — ${formatDate(program.courseEnd)}, ${program.hours} ч.</p>
                ${program.submission ? html`<p>${program.submission.text}</p>` : null}
                ${program.provisional ? html`<p class="provisional" role="note">${t('provisionalCalendar')}</p>` : null}
                ${active
                  ? html`<a class="button secondary" href=${`#/applications/${active.id}`}>${t('hasActiveApplication')}: ${t('open')}</a>`
                  : closed
                    ? html`<p><${Badge} tone="neutral">${t('submissionClosed')}<//></p>`
                    : html`<a class="button" href=${`#/new/${program.id}`}>${t('newApplication')}</a>`}
              </li>`;
            })}
          </ul>
        <//>`}
    <${Section} title=${staff ? t('queue') : t('myApplications')} id="applications" intro=${staff ? t('queueIntro') : undefined}>
      ${error ? html`<${Notice} kind="error" text=${error} />` : null}
      ${applications === null && !error ? html`<p>${t('loading')}</p>` : null}
      ${applications?.length === 0 ? html`<p>${t('noApplications')}</p>` : null}
      ${sorted.length > 0
        ? html`<div class="table-wrap">
            <table class="applications">
              <thead>
                <tr>
                  <th scope="col">${t('columnProgram')}</th>
                  ${staff ? html`<th scope="col">${t('columnOrganization')}</th>` : null}
                  <th scope="col">${t('columnState')}</th>
                  <th scope="col">${t('columnNextDeadline')}</th>
                  <th scope="col"><span class="visually-hidden">${t('open')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${sorted.map((application) => {
                  const overdue = overdueItems(application, props.now);
                  return html`<tr key=${application.id} class=${overdue.length > 0 ? 'overdue' : ''} data-application=${application.id}>
                    <td>${programTitle(application.programId)}</td>
                    ${staff ? html`<td>${application.data.form.organization.fullName ?? application.organizationId}</td>` : null}
                    <td>
                      ${application.stateLabel}
                      ${overdue.map((item) => html` <${Badge} tone="bad">${item}<//>`)}
                    </td>
                    <td>${application.nextDeadlineAt ? formatBothZones(application.nextDeadlineAt, { moscow: t('moscowTime'), local: t('localTime') }) : '—'}</td>
                    <td><a href=${`#/applications/${application.id}`}>${t('open')}</a></td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : null}
    <//>
  </main>`;
}

/** The page of a new application: the draft form before the application exists. */
export function NewApplication(props: { program: ProgramInfo | undefined; account: DemoAccountInfo }) {
  if (props.program === undefined) return html`<main id="main" tabindex="-1"><p>${t('loading')}</p></main>`;
  return html`<main id="main" tabindex="-1">
    <p><a href="#/">${t('back')}</a></p>
    ${props.program.provisional ? html`<p class="provisional" role="note">${t('provisionalCalendar')}</p>` : null}
    <${DraftForm}
      program=${props.program}
      loaded=${null}
      requisites=${props.account.requisites}
      onSaved=${(loaded: LoadedApplication, clean: boolean) => {
        if (clean) navigate(`#/applications/${loaded.application.id}`);
      }}
    />
  </main>`;
}

interface PageData {
  readonly loaded: LoadedApplication;
  readonly commands: readonly AvailableCommand[];
  readonly deadlines: readonly DeadlineView[];
  readonly events: readonly EventView[];
}

async function loadPage(id: string): Promise<PageData> {
  const [loaded, commands, deadlines, events] = await Promise.all([
    api.getApplication(id),
    api.availableCommands(id),
    api.deadlines(id),
    api.events(id),
  ]);
  return { loaded, commands, deadlines, events };
}

/** The page of one application: where it is, what can be done, deadlines, documents, contract, thread, history. */
export function ApplicationPage(props: {
  id: string;
  account: DemoAccountInfo;
  programs: readonly ProgramInfo[];
  chart: MachineChart | null;
  now: Date;
  /** The page's language: the API writes labels and messages in it, so a change reloads the application. */
  language: string;
}) {
  const [page, setPage] = useState<PageData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () =>
    loadPage(props.id).then(
      (data) => {
        setPage(data);
        setError(null);
      },
      (failure) => setError(problemText(failure)),
    );

  useEffect(() => {
    setPage(null);
    void reload();
  }, [props.id, props.language]);

  if (page === null) {
    return html`<main id="main" tabindex="-1">
      <p><a href="#/">${t('back')}</a></p>
      ${error ? html`<${Notice} kind="error" text=${error} /><button type="button" onClick=${reload}>${t('retry')}</button>` : html`<p>${t('loading')}</p>`}
    </main>`;
  }

  const { application } = page.loaded;
  const program = props.programs.find((entry) => entry.id === application.programId);
  const available = new Set(page.commands.filter((command) => command.available).map((command) => command.type));
  const onDone = () => void reload();

  const commandLabels = new Map<string, string>();
  for (const transition of props.chart?.transitions ?? []) commandLabels.set(transition.command, transition.label);
  for (const command of page.commands) commandLabels.set(command.type, command.label);
  const visited = new Set(page.events.map((event) => event.state as string));

  const documentLabel = (documentId: string) => {
    const document = application.data.documents.find((entry) => entry.id === documentId);
    if (!document) return documentId;
    const rowIndex = application.data.rows.findIndex((row) => document.rowIds.includes(row.id));
    return `${tKey(`doc_${document.kind}`)}, ${t('row').toLowerCase()} ${rowIndex + 1}`;
  };

  const isDraft = application.state === 'draft';
  const representative = props.account.role === 'representative';

  return html`<${ApplicationContext.Provider} value=${application.id}><main id="main" tabindex="-1" class="application-page" data-state=${application.state}>
    <p><a href="#/">${t('back')}</a></p>
    <header class="application-header">
      <h1>${t('applicationTitle')}: ${program?.title[locale()] ?? application.programId}</h1>
      <p>
        ${program ? html`${t('programDates')}: ${formatDate(program.courseStart)} — ${formatDate(program.courseEnd)} · ` : null}
        ${t('stateNow')}: <strong data-testid="state">${application.stateLabel}</strong>
      </p>
      ${program?.provisional ? html`<p class="provisional" role="note">${t('provisionalCalendar')}</p>` : null}
      ${error ? html`<${Notice} kind="error" text=${error} />` : null}
      <${SectionLinks} />
    </header>

    <div class="layout">
      <div class="main-column">
        ${isDraft && representative && program && available.has('draft.update')
          ? html`<${DraftForm} program=${program} loaded=${page.loaded} requisites=${props.account.requisites} onSaved=${onDone} />`
          : html`<${SummarySection} application=${application} program=${program} />`}
        <${DocumentsSection} loaded=${page.loaded} program=${program} available=${available} onDone=${onDone} />
        <${ContractSection} application=${application} />
        <${AccessSection} application=${application} />
        <${ClosingSection} application=${application} />
        <${Thread} loaded=${page.loaded} canPost=${available.has('message.post')} commandLabels=${commandLabels} onDone=${onDone} />
      </div>
      <aside class="side-column" aria-label=${t('commandsTitle')}>
        <${CommandsPanel} commands=${page.commands} loaded=${page.loaded} onDone=${onDone} />
        <${DeadlinesSection} applicationId=${application.id} deadlines=${page.deadlines} now=${props.now} documentLabel=${documentLabel} />
        ${props.chart
          ? html`<${Section} title=${t('whereTitle')} id="where" intro=${t('whereDescription')}>
              <${StateChart} chart=${props.chart} current=${application.state} visited=${visited} />
            <//>`
          : null}
        <${Timeline} events=${page.events} />
      </aside>
    </div>
  </main><//>`;
}

const sectionLinks = [
  ['commands', 'commandsTitle'],
  ['deadlines', 'deadlinesTitle'],
  ['documents', 'documentsTitle'],
  ['thread', 'threadTitle'],
  ['where', 'whereTitle'],
  ['timeline', 'timelineTitle'],
] as const;

/**
 * Buttons that move to a section of the application page, for long pages on a phone. They scroll rather than link,
 * because the address's fragment is the page's route.
 */
function SectionLinks() {
  const go = (id: string) => {
    const heading = document.getElementById(`${id}-title`);
    if (heading === null) return;
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return html`<nav class="section-links" aria-label=${t('sectionsTitle')}>
    ${sectionLinks.map(([id, label]) => html`<button type="button" class="link" onClick=${() => go(id)}>${t(label)}</button>`)}
  </nav>`;
}

/** The header line with the server time: «Время сервера: 09:00 25 января 2027 г. по московскому времени». */
export function ServerTimeLine(props: { now: Date; simulated: boolean }) {
  return html`<p class="server-time">
    ${t('serverTime')}: ${formatBothZones(props.now, { moscow: t('moscowTime'), local: t('localTime') })}
    ${props.simulated ? html` <${Badge} tone="info">${t('simulatedTime')}<//>` : null}
  </p>`;
}
