import { russianCalendar } from '@fioco-flow/rules';
import { createInitialData, machineVersion } from '../machine/machine.js';
import { isFinalState, type ApplicationState } from '../machine/states.js';
import type { FileRef } from '../model/file.js';
import { programSchema, type Program } from '../model/program.js';
import type { ApplicationEventRecord, IdempotencyRecord, StoredApplication } from '../store/port.js';

/**
 * Builds a file reference for tests: a PDF whose SHA-256 is derived from its id.
 *
 * @example
 * ```ts
 * import { testFile } from '@fioco-flow/core/testing';
 *
 * testFile('diploma-1').name; //=> 'diploma-1.pdf'
 * ```
 */
export function testFile(id: string, overrides: Partial<FileRef> = {}): FileRef {
  const hex = [...id].map((character) => character.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  return {
    id,
    name: `${id}.pdf`,
    mediaType: 'application/pdf',
    size: 1024 + id.length,
    sha256: hex.padEnd(64, '0').slice(0, 64),
    ...overrides,
  };
}

/**
 * Builds a program for tests: «Оценивание ответов на задания ВПР», course Monday 16 March to Friday 27 March 2026 (the
 * draft lapses at 2026-03-04T21:00:00Z), 4 500 ₽ per row, two subjects, the diploma and the SNILS required.
 *
 * @example
 * ```ts
 * import { testProgram } from '@fioco-flow/core/testing';
 *
 * testProgram({ id: 'p-2', courseStart: '2026-04-06', courseEnd: '2026-04-17' });
 * ```
 */
export function testProgram(overrides: Partial<Program> = {}): Program {
  return programSchema.parse({
    id: 'vpr-2026-03',
    title: { ru: 'Оценивание ответов на задания ВПР', en: 'Marking the national tests' },
    hours: 36,
    courseStart: '2026-03-16',
    courseEnd: '2026-03-27',
    courseUrl: 'https://dpo.fioco.ru/course/view.php?id=412',
    pricePerRow: 450_000,
    subjects: [
      { id: 'russian', title: { ru: 'Русский язык', en: 'Russian language' } },
      { id: 'mathematics', title: { ru: 'Математика', en: 'Mathematics' } },
    ],
    requiredDocuments: ['diploma', 'snils'],
    templates: {
      contract: { prepayment: testFile('tpl-contract-prepayment'), postpayment: testFile('tpl-contract-postpayment') },
      consentForm: testFile('tpl-consent'),
    },
    ...overrides,
  });
}

let sharedCalendar: ReturnType<typeof russianCalendar> | undefined;

/**
 * Options of {@link testStoredApplication}.
 *
 * @example
 * ```ts
 * import { testStoredApplication } from '@fioco-flow/core/testing';
 *
 * testStoredApplication({ id: 'a-2', organizationId: 'org-2', state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD', nextDeadlineAt: null });
 * ```
 */
export interface TestStoredApplicationOptions {
  readonly id: string;
  readonly organizationId?: string;
  readonly programId?: string;
  readonly state?: ApplicationState;
  readonly version?: number;
  readonly codeWord?: string | null;
  readonly nextDeadlineAt?: string | null;
  readonly createdAt?: string;
}

/**
 * Builds a stored application for store tests, with a real draft snapshot of {@link testProgram}; the indexed columns
 * take the given values.
 *
 * @example
 * ```ts
 * import { testStoredApplication } from '@fioco-flow/core/testing';
 *
 * const application = testStoredApplication({ id: 'a-1', organizationId: 'org-1', nextDeadlineAt: '2026-03-04T21:00:00.000Z' });
 * ```
 */
export function testStoredApplication(options: TestStoredApplicationOptions): StoredApplication {
  sharedCalendar ??= russianCalendar();
  const organizationId = options.organizationId ?? 'org-1';
  const program = testProgram({ id: options.programId ?? 'vpr-2026-03' });
  const createdAt = options.createdAt ?? '2026-02-20T09:00:00.000Z';
  const state = options.state ?? 'draft';
  const data = createInitialData({ id: options.id, organizationId, program, createdAt, createdBy: 'rep-1' }, { calendar: sharedCalendar });
  const codeWord = options.codeWord ?? null;
  return {
    id: options.id,
    organizationId,
    programId: program.id,
    state,
    final: isFinalState(state),
    version: options.version ?? 1,
    codeWord,
    nextDeadlineAt: options.nextDeadlineAt === undefined ? data.deadlines.submission.endsAt : options.nextDeadlineAt,
    createdAt,
    updatedAt: createdAt,
    snapshot: {
      machineVersion,
      state,
      data: codeWord === null ? data : { ...data, access: { courseUrl: program.courseUrl, codeWord, issuedAt: createdAt } },
    },
  };
}

/**
 * Builds an event record for store tests.
 *
 * @example
 * ```ts
 * import { testEvent, testStoredApplication } from '@fioco-flow/core/testing';
 *
 * const application = testStoredApplication({ id: 'a-1' });
 * await store.insert(application, [testEvent(application, 1, 'application.create')]);
 * ```
 */
export function testEvent(application: StoredApplication, version: number, type: ApplicationEventRecord['type'] = 'message.post'): ApplicationEventRecord {
  return {
    applicationId: application.id,
    version,
    type,
    at: application.updatedAt,
    actor: { id: 'staff-1', role: 'staff' },
    payload: { text: `event ${version}`, attachments: [] },
    generated: { id: `m-${version}` },
    state: application.state,
    machineVersion,
  };
}

/**
 * Builds an idempotency record for store tests.
 *
 * @example
 * ```ts
 * import { testIdempotencyRecord } from '@fioco-flow/core/testing';
 *
 * await store.claimIdempotency(testIdempotencyRecord({ key: 'k-1' }), '2026-03-01T09:00:30.000Z');
 * ```
 */
export function testIdempotencyRecord(overrides: Partial<IdempotencyRecord> & Pick<IdempotencyRecord, 'key'>): IdempotencyRecord {
  return {
    actorId: 'rep-1',
    fingerprint: 'f'.repeat(64),
    status: 'pending',
    applicationId: null,
    response: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    expiresAt: '2026-03-01T09:01:00.000Z',
    ...overrides,
  };
}
