import type { ApplicationEventRecord, ApplicationView as CoreApplicationView, AvailableCommand, FileRef } from '@fioco-flow/core';
import { createContext } from 'preact';
import { locale } from './i18n.js';

/** The id of the application on the page: file links download through it. */
export const ApplicationContext = createContext('');

/** The path the HTTP adapter is mounted under on the example server. */
export const apiBase = '/api';

/** One failed field of a request, as the API reports it in a problem body. */
export interface FieldError {
  readonly pointer: string;
  readonly code: string;
  readonly detail: string;
}

/** An RFC 9457 problem body of the API, or one the page made for a network failure. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly reasons?: readonly { readonly code: string; readonly detail: string }[];
}

/** A request that got a problem response; `problem` is its body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** An application as the API writes it: the core's view with the state label in the response language. */
export type ApplicationView = Omit<CoreApplicationView, 'stateLabel'> & { readonly stateLabel: string };

/** A demo account as `GET /demo/accounts` lists it (without its token). */
export interface DemoAccountInfo {
  readonly key: 'representative' | 'staff';
  readonly role: 'representative' | 'staff';
  readonly name: string;
  readonly position: string;
  readonly organization: string;
  readonly organizationId?: string;
  readonly requisites?: Record<string, string>;
}

/** A program (cohort) as the page shows it. */
export interface ProgramInfo {
  readonly id: string;
  readonly title: { readonly ru: string; readonly en: string };
  readonly hours: number;
  readonly courseStart: string;
  readonly courseEnd: string;
  readonly courseUrl: string;
  readonly pricePerRow: number;
  readonly subjects: readonly { readonly id: string; readonly title: { readonly ru: string; readonly en: string } }[];
  readonly requiredDocuments: readonly string[];
  readonly provisional: boolean;
  /** The last moment to submit an application for this cohort. */
  readonly submission: DeadlineView | null;
}

/** The server clock as `GET /demo/clock` reports it. */
export interface ServerTime {
  readonly now: string;
  readonly simulated: boolean;
  readonly control: boolean;
}

/** A deadline with its explanation in the response language. */
export interface DeadlineView {
  readonly kind: 'submission' | 'review' | 'document_review' | 'contract' | 'originals';
  readonly documentId?: string;
  readonly date: string;
  readonly endsAt: string;
  readonly provisional: boolean;
  readonly text: string;
}

/** The state chart for drawing: states with labels and the transitions between them. */
export interface MachineChart {
  readonly initial: string;
  readonly states: readonly {
    readonly id: string;
    readonly label: string;
    readonly final: boolean;
    readonly parent: string | null;
    readonly initial: boolean;
  }[];
  readonly transitions: readonly { readonly source: string; readonly target: string | null; readonly command: string; readonly label: string }[];
}

/** An event of the application's log with the labels of its command and of the state it led to. */
export type EventView = ApplicationEventRecord & { readonly label: string; readonly stateLabel: string };

/** An application with the ETag the API sent with it, for the next command's `If-Match`. */
export interface LoadedApplication {
  readonly application: ApplicationView;
  readonly etag: string | null;
}

let token: string | null = null;

/** Sets the bearer token every later request carries. */
export function setToken(value: string | null): void {
  token = value;
}

function networkProblem(): Problem {
  return { status: 0, code: 'network_error', title: 'network_error', detail: '' };
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', locale());
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');

  let response: Response;
  try {
    // The page shows live state and switches language, so it requests a fresh response every time.
    response = await fetch(path, { cache: 'no-store', ...init, headers });
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  return response;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      status: response.status,
      code: body.code ?? `http_${response.status}`,
      title: body.title ?? response.statusText,
      detail: body.detail ?? body.title ?? response.statusText,
      ...(body.errors ? { errors: body.errors } : {}),
      ...(body.reasons ? { reasons: body.reasons } : {}),
    };
  } catch {
    return { status: response.status, code: `http_${response.status}`, title: response.statusText, detail: response.statusText };
  }
}

async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Returns the list of a collection response, whichever of the usual shapes the API uses. */
function items<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const record = body as Record<string, unknown>;
  for (const key of ['items', 'applications', 'events', 'commands', 'deadlines', 'programs', 'accounts']) {
    if (Array.isArray(record[key])) return record[key] as T[];
  }
  return [];
}

export const api = {
  accounts: async () => items<DemoAccountInfo>(await getJson('/demo/accounts')),
  /** Loads the programs with their submission deadline and whether the course starts in a provisional calendar year. */
  async programs(): Promise<ProgramInfo[]> {
    const programs = items<Omit<ProgramInfo, 'provisional' | 'submission'>>(await getJson(`${apiBase}/programs`));
    return Promise.all(
      programs.map(async (program) => {
        const [day, deadlines] = await Promise.all([
          getJson<{ provisional: boolean }>(`${apiBase}/calendar/days/${program.courseStart}`),
          getJson<{ deadlines: DeadlineView[] }>(`${apiBase}/deadlines?courseStart=${program.courseStart}`),
        ]);
        const submission = deadlines.deadlines.find((deadline) => deadline.kind === 'submission') ?? null;
        return { ...program, provisional: day.provisional, submission };
      }),
    );
  },
  time: () => getJson<ServerTime>('/demo/clock'),

  /** Checks a token by asking who it belongs to. */
  whoAmI: () => getJson<DemoAccountInfo>('/demo/me'),

  async machine(): Promise<MachineChart> {
    const body = await getJson<{
      states: { id: string; label: string; final: boolean; parent: string | null; initial: boolean }[];
      transitions: { from: string; to: string | null; command: string; label: string }[];
    }>(`${apiBase}/machine`);
    const initial = body.states.find((state) => state.initial && state.parent === null)?.id ?? body.states[0]?.id ?? '';
    return {
      initial,
      states: body.states,
      transitions: body.transitions.map((transition) => ({
        source: transition.from,
        target: transition.to,
        command: transition.command,
        label: transition.label,
      })),
    };
  },

  listApplications: async () => items<ApplicationView>(await getJson(`${apiBase}/applications`)),

  async getApplication(id: string): Promise<LoadedApplication> {
    const response = await request(`${apiBase}/applications/${encodeURIComponent(id)}`);
    return { application: (await response.json()) as ApplicationView, etag: response.headers.get('ETag') };
  },

  async createApplication(programId: string): Promise<LoadedApplication> {
    const response = await request(`${apiBase}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newIdempotencyKey() },
      body: JSON.stringify({ programId }),
    });
    return { application: applicationOf(await response.json()), etag: response.headers.get('ETag') };
  },

  /** Sends a command with `If-Match` and a fresh `Idempotency-Key`; returns the application after it. */
  async command(id: string, etag: string | null, type: string, payload: unknown): Promise<LoadedApplication> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': newIdempotencyKey() };
    if (etag !== null) headers['If-Match'] = etag;
    const response = await request(`${apiBase}/applications/${encodeURIComponent(id)}/commands`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type, payload }),
    });
    return { application: applicationOf(await response.json()), etag: response.headers.get('ETag') };
  },

  availableCommands: async (id: string) =>
    items<AvailableCommand>(await getJson(`${apiBase}/applications/${encodeURIComponent(id)}/commands`)),

  events: async (id: string) => items<EventView>(await getJson(`${apiBase}/applications/${encodeURIComponent(id)}/events`)),

  deadlines: async (id: string) => items<DeadlineView>(await getJson(`${apiBase}/applications/${encodeURIComponent(id)}/deadlines`)),

  /** Uploads a file for a later command of the application; the API checks its type by content. */
  async upload(applicationId: string, file: File): Promise<FileRef> {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await request(`${apiBase}/applications/${encodeURIComponent(applicationId)}/files`, { method: 'POST', body: form });
    const body = (await response.json()) as { files: FileRef[] };
    return body.files[0]!;
  },

  /** Downloads a file of the application with the bearer token and hands it to the browser under its name. */
  async download(applicationId: string, ref: { readonly id: string; readonly name: string }): Promise<void> {
    const path = `${apiBase}/applications/${encodeURIComponent(applicationId)}/files/${encodeURIComponent(ref.id)}`;
    const response = await request(path, { headers: { Accept: '*/*' } });
    saveBlob(await response.blob(), ref.name || ref.id);
  },

  async calendarFile(id: string): Promise<void> {
    const response = await request(`${apiBase}/applications/${encodeURIComponent(id)}/deadlines.ics`, { headers: { Accept: 'text/calendar' } });
    saveBlob(await response.blob(), `deadlines-${id}.ics`);
  },
};

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function applicationOf(body: unknown): ApplicationView {
  const record = body as { application?: ApplicationView };
  return record.application ?? (body as ApplicationView);
}
