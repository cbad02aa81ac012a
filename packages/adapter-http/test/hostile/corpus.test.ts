import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@fioco-flow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryFileStore } from '../../src/index.js';
import { contentDisposition } from '../../src/uploads/file-name.js';
import { exeBytes, jpegBytes, pdfBytes, pngBytes, textBytes, zipBytes } from '../support/files.js';
import {
  createHarness,
  createSubmittedApplication,
  etagOf,
  otherRepresentative,
  representative,
  staff,
  type Harness,
} from '../support/harness.js';
import { captureState, countingFileStore, listFiles, type CountingFileStore } from './state.js';

// Malformed and hostile requests, one row each. Each must get its 4xx status as application/problem+json and must
// leave the applications, their event logs and the stored files as they were.

/** A representative of an organization with no application yet, for the create route. */
const newcomer: Actor = { id: 'rep-newcomer', role: 'representative', organizationId: 'org-5047120006' };
const actors = { rep: representative, other: otherRepresentative, staff, newcomer } as const;
type ActorName = keyof typeof actors | 'none';

/** One part of a multipart body: a text field or a file. */
type Part = { readonly field: string; readonly value: string } | { readonly field: string; readonly bytes: Uint8Array; readonly name: string; readonly type?: string };

interface Case {
  readonly name: string;
  readonly method?: string;
  /** The path, with `{S}` (the representative's submitted application), `{D}` (the other organization's draft), `{Srow}`, `{Drow}`, `{doc}` and `{file}`. */
  readonly path: string;
  /** Who sends it: the owner of the application in the path by default. */
  readonly as?: ActorName;
  readonly json?: unknown;
  readonly raw?: string | Uint8Array;
  readonly contentType?: string;
  readonly form?: readonly Part[];
  readonly headers?: Record<string, string>;
  /** `If-Match` of a write: the current version by default, `null` for none. */
  readonly ifMatch?: string | null;
  readonly status: number;
  readonly code?: string;
}

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const command = (type: string, payload?: unknown) => (payload === undefined ? { type } : { type, payload });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

// --- families of values -------------------------------------------------------------------------------------------

const brokenJson: readonly (string | Uint8Array)[] = [
  '{',
  '}',
  '{"type":',
  '{"type":"draft.update","payload":{}',
  '{"type":"draft.update",}',
  "{'type':'draft.update'}",
  '{type:"draft.update"}',
  '{"type":"draft.update","payload":NaN}',
  '{"type":"draft.update","payload":Infinity}',
  '{"type":"draft.update","payload":undefined}',
  '{"type":"draft.update"/* comment */}',
  '{"type":"draft.update"}//',
  '[1,2',
  '"unterminated',
  'tru',
  'nul',
  '01',
  '{"a":1}{"b":2}',
  '{"type":"draft.update","payload":{"comment":"\\x41"}}',
  '{"type":"draft.update","payload":{"comment":"\\u12"}}',
  '{"type":"draft.update","payload":{"comment":"line\nbreak"}}',
  '{"type":"draft.update",,"payload":{}}',
  '{"type"::"draft.update"}',
  'x'.repeat(100),
  '<command type="draft.update"/>',
  'type=draft.update&payload=',
  '{"type":"draft.update","payload":{}}}',
  '\u0000',
  bytes(0xff, 0xfe, 0x7b, 0x7d),
  bytes(0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d),
  bytes(0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d),
  utf8('{"type":"draft.update","payload":{"comment":"\u0080').slice(0, -1),
];

const wrongTopLevel: readonly { name: string; json: unknown; status: number; code: string }[] = [
  { name: 'null body', json: null, status: 422, code: 'invalid_payload' },
  { name: 'array body', json: [], status: 422, code: 'invalid_payload' },
  { name: 'string body', json: 'draft.update', status: 422, code: 'invalid_payload' },
  { name: 'number body', json: 42, status: 422, code: 'invalid_payload' },
  { name: 'boolean body', json: true, status: 422, code: 'invalid_payload' },
  { name: 'empty object', json: {}, status: 422, code: 'invalid_payload' },
  { name: 'type a number', json: { type: 123, payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type null', json: { type: null, payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type an array', json: { type: ['draft.update'], payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type an object', json: { type: {}, payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type misspelt', json: { type: 'draft.updat', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type upper case', json: { type: 'DRAFT.UPDATE', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type with a space', json: { type: ' draft.update', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type with NUL', json: { type: 'draft.update\u0000', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type constructor', json: { type: 'constructor', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type __proto__', json: { type: '__proto__', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type toString', json: { type: 'toString', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'type hasOwnProperty', json: { type: 'hasOwnProperty', payload: {} }, status: 422, code: 'invalid_payload' },
  { name: 'system command', json: { type: 'clock.tick', payload: {} }, status: 403, code: 'command_forbidden' },
  { name: 'staff command', json: { type: 'document.accept', payload: { documentId: 'x' } }, status: 403, code: 'command_forbidden' },
  { name: 'payload a string', json: { type: 'draft.update', payload: 'x' }, status: 422, code: 'invalid_payload' },
  { name: 'payload an array', json: { type: 'draft.update', payload: [] }, status: 422, code: 'invalid_payload' },
  { name: 'payload a number', json: { type: 'draft.update', payload: 5 }, status: 422, code: 'invalid_payload' },
  { name: 'payload true', json: { type: 'draft.update', payload: true }, status: 422, code: 'invalid_payload' },
  { name: 'payload null', json: { type: 'draft.update', payload: null }, status: 422, code: 'invalid_payload' },
  { name: 'unknown top-level field', json: { type: 'draft.update', payload: {}, extra: 1 }, status: 422, code: 'invalid_payload' },
  { name: 'payload misspelt', json: { type: 'draft.update', paylaod: { comment: 'x' } }, status: 422, code: 'invalid_payload' },
  { name: '__proto__ key', json: JSON.parse('{"type":"draft.update","payload":{},"__proto__":{"admin":true}}'), status: 422, code: 'invalid_payload' },
];

const wrongPayloads: readonly { name: string; type: string; payload: unknown }[] = [
  { name: 'unknown payload field', type: 'draft.update', payload: { unknown: 1 } },
  { name: 'field in the wrong case', type: 'draft.update', payload: { Comment: 'x' } },
  { name: 'comment a number', type: 'draft.update', payload: { comment: 123 } },
  { name: 'comment an object', type: 'draft.update', payload: { comment: { text: 'x' } } },
  { name: 'comment too long', type: 'draft.update', payload: { comment: 'ж'.repeat(4001) } },
  { name: 'platform name too long', type: 'draft.update', payload: { platformName: 'x'.repeat(301) } },
  { name: 'payment terms unknown', type: 'draft.update', payload: { paymentTerms: 'barter' } },
  { name: 'payment terms null', type: 'draft.update', payload: { paymentTerms: null } },
  { name: 'delivery unknown', type: 'draft.update', payload: { delivery: 'drone' } },
  { name: 'delivery upper case', type: 'draft.update', payload: { delivery: 'PAPER' } },
  { name: 'consent a string', type: 'draft.update', payload: { consents: { personalData: 'yes' } } },
  { name: 'consent a number', type: 'draft.update', payload: { consents: { dataAccuracy: 1 } } },
  { name: 'unknown consent', type: 'draft.update', payload: { consents: { marketing: true } } },
  { name: 'consents an array', type: 'draft.update', payload: { consents: [true, true] } },
  { name: 'organization a string', type: 'draft.update', payload: { organization: 'МБОУ СОШ № 5' } },
  { name: 'unknown organization field', type: 'draft.update', payload: { organization: { bank: 'x' } } },
  { name: 'INN a number', type: 'draft.update', payload: { organization: { inn: 5047120006 } } },
  { name: 'organization name too long', type: 'draft.update', payload: { organization: { fullName: 'Ш'.repeat(1001) } } },
  { name: 'KPP of eight digits', type: 'draft.update', payload: { organization: { kpp: '50470100' } } },
  { name: 'KPP with a letter at the end', type: 'draft.update', payload: { organization: { kpp: '50470100Z' } } },
  { name: 'OGRN checksum', type: 'draft.update', payload: { organization: { ogrn: '1025004700006' } } },
  { name: 'OGRN too short', type: 'draft.update', payload: { organization: { ogrn: '102500470000' } } },
  { name: 'organization e-mail', type: 'draft.update', payload: { organization: { email: 'school5.svetloozersk-edu.ru' } } },
  { name: 'organization phone', type: 'draft.update', payload: { organization: { phone: '123' } } },
  { name: 'row missing', type: 'row.add', payload: {} },
  { name: 'row a string', type: 'row.add', payload: { row: 'Смирнова' } },
  { name: 'row an array', type: 'row.add', payload: { row: [] } },
  { name: 'unknown row field', type: 'row.add', payload: { row: { lastName: 'Смирнова', middleName: 'Викторовна' } } },
  { name: 'row id given', type: 'row.add', payload: { row: { id: 'row-1', lastName: 'Смирнова' } } },
  { name: 'sex unknown', type: 'row.add', payload: { row: { sex: 'f' } } },
  { name: 'education unknown', type: 'row.add', payload: { row: { education: 'phd' } } },
  { name: 'last name a number', type: 'row.add', payload: { row: { lastName: 42 } } },
  { name: 'last name too long', type: 'row.add', payload: { row: { lastName: 'Ж'.repeat(101) } } },
  { name: 'last name with digits', type: 'row.add', payload: { row: { lastName: 'Смирнова2' } } },
  { name: 'last name markup', type: 'row.add', payload: { row: { lastName: '<script>alert(1)</script>' } } },
  { name: 'position too long', type: 'row.add', payload: { row: { position: 'у'.repeat(301) } } },
  { name: 'e-mail without @', type: 'row.add', payload: { row: { email: 'smirnova.svetloozersk-edu.ru' } } },
  { name: 'e-mail with spaces', type: 'row.add', payload: { row: { email: 'smirnova @mail.ru' } } },
  { name: 'phone too short', type: 'row.add', payload: { row: { phone: '12345' } } },
  { name: 'phone letters', type: 'row.add', payload: { row: { phone: '+7 ABC 204-37-18' } } },
  { name: 'citizenship unknown', type: 'row.add', payload: { row: { citizenship: 'XX' } } },
  { name: 'subject of another program', type: 'row.add', payload: { row: { subject: 'astronomy' } } },
  { name: 'diploma series too long', type: 'row.add', payload: { row: { diplomaSeries: '1'.repeat(31) } } },
  { name: 'row.update without changes', type: 'row.update', payload: { rowId: '{Drow}' } },
  { name: 'row.update unknown field', type: 'row.update', payload: { rowId: '{Drow}', changes: { age: 40 } } },
  { name: 'row.update sex unknown', type: 'row.update', payload: { rowId: '{Drow}', changes: { sex: 'x' } } },
  { name: 'row.update empty row id', type: 'row.update', payload: { rowId: '', changes: {} } },
  { name: 'row.update row id too long', type: 'row.update', payload: { rowId: 'r'.repeat(201), changes: {} } },
  { name: 'row.update row id a number', type: 'row.update', payload: { rowId: 1, changes: {} } },
  { name: 'row.remove without row id', type: 'row.remove', payload: {} },
  { name: 'row.remove row id null', type: 'row.remove', payload: { rowId: null } },
  { name: 'discard reason too long', type: 'application.discard', payload: { reason: 'п'.repeat(2001) } },
  { name: 'discard reason blank', type: 'application.discard', payload: { reason: '   ' } },
  { name: 'submit with a payload', type: 'application.submit', payload: { force: true } },
  { name: 'message without text', type: 'message.post', payload: { text: '' } },
  { name: 'message text too long', type: 'message.post', payload: { text: 'т'.repeat(10_001) } },
  { name: 'message made-up attachment', type: 'message.post', payload: { text: 'x', attachments: [{ id: 'x', name: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: '0'.repeat(64) }] } },
  { name: 'attach a made-up file', type: 'document.attach', payload: { rowIds: ['{Drow}'], kind: 'diploma', file: { id: 'made-up', name: 'x.pdf', mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) } } },
  { name: 'attach a file with a bad hash', type: 'document.attach', payload: { rowIds: ['{Drow}'], kind: 'diploma', file: { id: '{file}', name: 'x.pdf', mediaType: 'application/pdf', size: 10, sha256: 'XYZ' } } },
  { name: 'attach with a path as file id', type: 'document.attach', payload: { rowIds: ['{Drow}'], kind: 'diploma', file: { id: '../refs/x', name: 'x.pdf', mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) } } },
  { name: 'attach to no rows', type: 'document.attach', payload: { rowIds: [], kind: 'diploma', file: { id: '{file}' } } },
  { name: 'attach to a row twice', type: 'document.attach', payload: { rowIds: ['{Drow}', '{Drow}'], kind: 'diploma', file: { id: '{file}' } } },
  { name: 'attach an unknown kind', type: 'document.attach', payload: { rowIds: ['{Drow}'], kind: 'selfie', file: { id: '{file}' } } },
];

/** Staff payloads sent to the submitted application. */
const wrongStaffPayloads: readonly { name: string; type: string; payload: unknown }[] = [
  { name: 'reject without reason', type: 'document.reject', payload: { documentId: '{doc}' } },
  { name: 'reject reason too long', type: 'document.reject', payload: { documentId: '{doc}', reason: 'x'.repeat(2001) } },
  { name: 'accept document id a number', type: 'document.accept', payload: { documentId: 7 } },
  { name: 'accept with an extra field', type: 'document.accept', payload: { documentId: '{doc}', note: 'x' } },
  { name: 'request for 101 rows', type: 'document.request', payload: { rowIds: Array.from({ length: 101 }, (_, index) => `r${index}`), kind: 'passport', reason: 'x' } },
  { name: 'request with rows as a string', type: 'document.request', payload: { rowIds: '{Srow}', kind: 'passport', reason: 'x' } },
  { name: 'payment amount a string', type: 'payment.record', payload: { amount: '450000', paidOn: '2026-03-02', reference: 'п/п 1' } },
  { name: 'payment amount a fraction', type: 'payment.record', payload: { amount: 4500.5, paidOn: '2026-03-02', reference: 'п/п 1' } },
  { name: 'payment amount negative', type: 'payment.record', payload: { amount: -1, paidOn: '2026-03-02', reference: 'п/п 1' } },
  { name: 'payment amount zero', type: 'payment.record', payload: { amount: 0, paidOn: '2026-03-02', reference: 'п/п 1' } },
  { name: 'payment amount huge', type: 'payment.record', payload: { amount: 1e300, paidOn: '2026-03-02', reference: 'п/п 1' } },
  { name: 'payment on 30 February', type: 'payment.record', payload: { amount: 450_000, paidOn: '2026-02-30', reference: 'п/п 1' } },
  { name: 'payment on month 13', type: 'payment.record', payload: { amount: 450_000, paidOn: '2026-13-01', reference: 'п/п 1' } },
  { name: 'payment date in Russian order', type: 'payment.record', payload: { amount: 450_000, paidOn: '02.03.2026', reference: 'п/п 1' } },
  { name: 'payment date an instant', type: 'payment.record', payload: { amount: 450_000, paidOn: '2026-03-02T10:00:00Z', reference: 'п/п 1' } },
  { name: 'payment without reference', type: 'payment.record', payload: { amount: 450_000, paidOn: '2026-03-02' } },
  { name: 'results empty', type: 'results.record', payload: { results: [] } },
  { name: 'results passed a string', type: 'results.record', payload: { results: [{ rowId: '{Srow}', passed: 'yes' }] } },
  { name: 'results row twice', type: 'results.record', payload: { results: [{ rowId: '{Srow}', passed: true }, { rowId: '{Srow}', passed: false }] } },
  { name: 'results for 1001 rows', type: 'results.record', payload: { results: Array.from({ length: 1001 }, (_, index) => ({ rowId: `r${index}`, passed: true })) } },
  { name: 'tracking number too long', type: 'package.dispatch', payload: { trackingNumber: 'RA'.repeat(21) } },
  { name: 'tracking number blank', type: 'originals.record_received', payload: { trackingNumber: ' ' } },
  { name: 'decline without reason', type: 'application.decline', payload: {} },
  { name: 'close reason a number', type: 'application.close', payload: { reason: 1 } },
  { name: 'closing without act', type: 'closing.issue', payload: {} },
  { name: 'confirm with a payload', type: 'contract.confirm', payload: { codeWord: 'мой' } },
];

/** СНИЛС values that must be refused in a participant row, each with a reason in its own words. */
const invalidSnils: readonly string[] = [
  '214-354-650 41', // control number off by one
  '21435465041',
  '214-354-650 4',
  '214-354-650 400',
  '214-354-65',
  '214 354 650 40 1',
  'ААА-ААА-ААА АА',
  'abc-def-ghi jk',
  '２１４-３５４-６５０ ４０', // full-width digits
  '٢١٤-٣٥٤-٦٥٠ ٤٠', // Arabic-Indic digits
  '214_354_650_40',
  '214-354-650 40; DROP TABLE applications',
  '<img src=x onerror=alert(1)>',
  '214-354-650\u000040',
  '1e10',
  '214.354.650.40x',
  '9'.repeat(200),
];

/** ИНН values of an organization that must be refused. */
const invalidInn: readonly string[] = [
  '5047120007',
  '504712000',
  '50471200061',
  'ABCDEFGHIJ',
  '５０４７１２０００６',
  '5047-120006x',
  '-5047120006',
  '5047120006.0',
  '7707083894',
  '500100732259',
];

/** Birth dates that must be refused in a participant row. */
const invalidBirthDates: readonly string[] = [
  '2026-02-30',
  '2025-02-29',
  '1985-13-01',
  '1985-00-10',
  '1985-06-31',
  '1985-06-00',
  '85-06-14',
  '14.06.1985',
  '1985/06/14',
  '19850614',
  '1985-6-14',
  '1985-06-14T00:00:00Z',
  '+01985-06-14',
  '١٩٨٥-٠٦-١٤',
  'вчера',
  '1800-01-01',
  '2030-01-01',
];

/** Files whose content is not a PDF, JPEG or PNG, whatever their name and declared type. */
const disguisedFiles: readonly { name: string; bytes: Uint8Array; type: string }[] = [
  { name: 'diploma.pdf', bytes: exeBytes, type: 'application/pdf' },
  { name: 'diploma.pdf', bytes: zipBytes, type: 'application/pdf' },
  { name: 'snils.pdf', bytes: textBytes, type: 'application/pdf' },
  { name: 'scan.png', bytes: utf8('<html><script>alert(1)</script></html>'), type: 'image/png' },
  { name: 'scan.jpg', bytes: utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), type: 'image/jpeg' },
  { name: 'scan.pdf', bytes: utf8('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;'), type: 'application/pdf' },
  { name: 'scan.pdf', bytes: utf8('hello %PDF-1.4 not at the start'), type: 'application/pdf' },
  { name: 'contract.docx', bytes: zipBytes, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { name: 'scan.pdf', bytes: bytes(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03), type: 'application/pdf' },
  { name: 'scan.pdf', bytes: bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(56).fill(0)), type: 'application/pdf' },
];

// --- the table ----------------------------------------------------------------------------------------------------

const cases: Case[] = [
  ...brokenJson.map((raw, index): Case => ({
    name: `broken JSON ${index + 1}: ${JSON.stringify(typeof raw === 'string' ? raw.slice(0, 40) : Array.from(raw))}`,
    path: '/applications/{D}/commands',
    raw,
    contentType: 'application/json',
    status: 400,
    code: 'malformed_body',
  })),
  { name: 'JSON nested 100000 deep', path: '/applications/{D}/commands', raw: nested(100_000), contentType: 'application/json', status: 400, code: 'malformed_body' },
  {
    name: 'payload nested 20000 deep under a key',
    path: '/applications/{D}/commands',
    raw: `{"type":"draft.update","payload":{"comment":${nested(20_000)}}}`,
    contentType: 'application/json',
    headers: { 'idempotency-key': 'deep-1' },
    status: 400,
    code: 'malformed_body',
  },
  { name: 'JSON number out of range', path: '/applications/{D}/commands', raw: '1e999999', contentType: 'application/json', status: 422, code: 'invalid_payload' },
  ...wrongTopLevel.map((entry): Case => ({ name: entry.name, path: '/applications/{D}/commands', json: entry.json, status: entry.status, code: entry.code })),
  ...wrongPayloads.map((entry): Case => ({
    name: entry.name,
    path: '/applications/{D}/commands',
    json: command(entry.type, entry.payload),
    status: 422,
    code: 'invalid_payload',
  })),
  ...wrongStaffPayloads.map((entry): Case => ({
    name: `staff: ${entry.name}`,
    path: '/applications/{S}/commands',
    as: 'staff',
    json: command(entry.type, entry.payload),
    status: 422,
    code: 'invalid_payload',
  })),
  ...invalidSnils.flatMap((snils): Case[] => [
    { name: `row.add СНИЛС ${JSON.stringify(snils)}`, path: '/applications/{D}/commands', json: command('row.add', { row: { snils } }), status: 422, code: 'invalid_payload' },
    {
      name: `row.update СНИЛС ${JSON.stringify(snils)}`,
      path: '/applications/{D}/commands',
      json: command('row.update', { rowId: '{Drow}', changes: { snils } }),
      status: 422,
      code: 'invalid_payload',
    },
  ]),
  { name: 'row.add СНИЛС a number', path: '/applications/{D}/commands', json: command('row.add', { row: { snils: 21435465040 } }), status: 422, code: 'invalid_payload' },
  ...invalidInn.map((inn): Case => ({
    name: `draft.update ИНН ${JSON.stringify(inn)}`,
    path: '/applications/{D}/commands',
    json: command('draft.update', { organization: { inn } }),
    status: 422,
    code: 'invalid_payload',
  })),
  ...invalidBirthDates.flatMap((birthDate): Case[] => [
    { name: `row.add birth date ${birthDate}`, path: '/applications/{D}/commands', json: command('row.add', { row: { birthDate } }), status: 422, code: 'invalid_payload' },
    {
      name: `row.update birth date ${birthDate}`,
      path: '/applications/{D}/commands',
      json: command('row.update', { rowId: '{Drow}', changes: { birthDate } }),
      status: 422,
      code: 'invalid_payload',
    },
  ]),

  // Creating an application.
  ...[
    { name: 'programId missing', json: {}, status: 422, code: 'invalid_payload' },
    { name: 'programId a number', json: { programId: 123 }, status: 422, code: 'invalid_payload' },
    { name: 'programId null', json: { programId: null }, status: 422, code: 'invalid_payload' },
    { name: 'programId empty', json: { programId: '' }, status: 422, code: 'invalid_payload' },
    { name: 'programId blank', json: { programId: '   ' }, status: 422, code: 'invalid_payload' },
    { name: 'programId an array', json: { programId: ['vpr-2026-03'] }, status: 422, code: 'invalid_payload' },
    { name: 'programId an object', json: { programId: {} }, status: 422, code: 'invalid_payload' },
    { name: 'programId unknown', json: { programId: 'vpr-2099-01' }, status: 404, code: 'program_not_found' },
    { name: 'programId with NUL', json: { programId: 'vpr-2026-03\u0000' }, status: 404, code: 'program_not_found' },
    { name: 'programId with traversal', json: { programId: '../vpr-2026-03' }, status: 404, code: 'program_not_found' },
    { name: 'programId of 100000 characters', json: { programId: 'x'.repeat(100_000) }, status: 404, code: 'program_not_found' },
    { name: 'create with an unknown field', json: { programId: 'vpr-2026-03', organizationId: 'org-7701000000' }, status: 422, code: 'invalid_payload' },
    { name: 'create with a state', json: { programId: 'vpr-2026-03', state: 'enrolled' }, status: 422, code: 'invalid_payload' },
    { name: 'create body an array', json: ['vpr-2026-03'], status: 422, code: 'invalid_payload' },
    { name: 'create body null', json: null, status: 422, code: 'invalid_payload' },
  ].map((entry): Case => ({ ...entry, name: `create: ${entry.name}`, path: '/applications', as: 'newcomer' })),
  { name: 'create: broken JSON', path: '/applications', as: 'newcomer', raw: '{"programId":', contentType: 'application/json', status: 400, code: 'malformed_body' },
  { name: 'create: form body', path: '/applications', as: 'newcomer', raw: 'programId=vpr-2026-03', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_content_type' },
  { name: 'create: by staff', path: '/applications', as: 'staff', json: { programId: 'vpr-2026-03' }, status: 403, code: 'command_forbidden' },
  { name: 'create: anonymous', path: '/applications', as: 'none', json: { programId: 'vpr-2026-03' }, status: 401, code: 'unauthenticated' },
  {
    name: 'create: bad Idempotency-Key',
    path: '/applications',
    as: 'newcomer',
    json: { programId: 'vpr-2026-03' },
    headers: { 'idempotency-key': 'clé' },
    status: 400,
    code: 'idempotency_key_invalid',
  },

  // Huge bodies.
  {
    name: 'JSON body above 1 MiB',
    path: '/applications/{D}/commands',
    json: command('draft.update', { comment: 'x'.repeat(1024 * 1024) }),
    status: 413,
    code: 'request_too_large',
  },
  { name: 'JSON body of 1 MiB of spaces', path: '/applications/{D}/commands', raw: ' '.repeat(1024 * 1024 + 1), contentType: 'application/json', status: 413, code: 'request_too_large' },
  {
    name: 'create body above 1 MiB',
    path: '/applications',
    as: 'newcomer',
    json: { programId: 'x'.repeat(1024 * 1024) },
    status: 413,
    code: 'request_too_large',
  },

  // Content types.
  { name: 'command as text/plain', path: '/applications/{D}/commands', raw: JSON.stringify(command('draft.update', {})), contentType: 'text/plain', status: 415, code: 'unsupported_content_type' },
  { name: 'command without a type', path: '/applications/{D}/commands', raw: JSON.stringify(command('draft.update', {})), contentType: '', status: 415, code: 'unsupported_content_type' },
  { name: 'command as XML', path: '/applications/{D}/commands', raw: '<command/>', contentType: 'application/xml', status: 415, code: 'unsupported_content_type' },
  { name: 'command as a form', path: '/applications/{D}/commands', form: [{ field: 'type', value: 'draft.update' }], status: 415, code: 'unsupported_content_type' },
  { name: 'document as JSON', path: '/applications/{D}/documents', json: { kind: 'diploma' }, status: 415, code: 'unsupported_content_type' },
  { name: 'files as JSON', path: '/applications/{D}/files', json: { file: 'x' }, status: 415, code: 'unsupported_content_type' },
  { name: 'multipart without boundary', path: '/applications/{D}/documents', raw: 'x', contentType: 'multipart/form-data', status: 400, code: 'malformed_body' },
  {
    name: 'multipart garbage',
    path: '/applications/{D}/documents',
    raw: '--b\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--b',
    contentType: 'multipart/form-data; boundary=b',
    status: 400,
    code: 'malformed_body',
  },
  {
    name: 'multipart with a wrong boundary',
    path: '/applications/{D}/files',
    raw: '--a\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-1.4\r\n--a--\r\n',
    contentType: 'multipart/form-data; boundary=zzz',
    status: 400,
    code: 'malformed_body',
  },

  // Uploads.
  ...disguisedFiles.flatMap((file, index): Case[] => [
    {
      name: `document ${index + 1}: ${file.name} that is not a scan`,
      path: '/applications/{D}/documents',
      form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', ...file }],
      status: 415,
      code: 'unsupported_file_type',
    },
    { name: `files ${index + 1}: ${file.name} that is not a scan`, path: '/applications/{D}/files', form: [{ field: 'file', ...file }], status: 415, code: 'unsupported_file_type' },
    {
      name: `message ${index + 1}: ${file.name} that is not a scan`,
      path: '/applications/{S}/messages',
      form: [{ field: 'text', value: 'x' }, { field: 'attachments', ...file }],
      status: 415,
      code: 'unsupported_file_type',
    },
  ]),
  { name: 'empty document', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: new Uint8Array(), name: 'diploma.pdf' }], status: 422, code: 'file_empty' },
  { name: 'empty file', path: '/applications/{D}/files', form: [{ field: 'file', bytes: new Uint8Array(), name: 'scan.pdf' }], status: 422, code: 'file_empty' },
  { name: 'empty attachment', path: '/applications/{S}/messages', form: [{ field: 'text', value: 'x' }, { field: 'attachments', bytes: new Uint8Array(), name: 'a.pdf' }], status: 422, code: 'file_empty' },
  {
    name: 'document above 10 MiB',
    path: '/applications/{D}/documents',
    form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: withPdfHeader(10 * 1024 * 1024 + 1), name: 'diploma.pdf' }],
    status: 413,
    code: 'file_too_large',
  },
  { name: 'file above 10 MiB', path: '/applications/{D}/files', form: [{ field: 'file', bytes: withPdfHeader(10 * 1024 * 1024 + 1), name: 'scan.pdf' }], status: 413, code: 'file_too_large' },
  {
    name: 'eleven files',
    path: '/applications/{D}/files',
    form: Array.from({ length: 11 }, (_, index) => ({ field: 'file', bytes: pdfBytes, name: `scan-${index}.pdf` })),
    status: 413,
    code: 'too_many_files',
  },
  { name: 'document without a file', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }], status: 422, code: 'invalid_payload' },
  { name: 'document with an empty file input', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', value: '' }], status: 422, code: 'invalid_payload' },
  { name: 'document file in another field', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }, { field: 'scan', bytes: pdfBytes, name: 'b.pdf' }], status: 422, code: 'invalid_payload' },
  { name: 'document with two files', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }, { field: 'file', bytes: pngBytes, name: 'b.png' }], status: 422, code: 'invalid_payload' },
  { name: 'document of an unknown kind', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'selfie' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 422, code: 'invalid_payload' },
  { name: 'document without a kind', path: '/applications/{D}/documents', form: [{ field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 422, code: 'invalid_payload' },
  { name: 'document without rows', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 422, code: 'invalid_payload' },
  { name: 'document for blank rows', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: ' , ' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 422, code: 'invalid_payload' },
  { name: 'document for an unknown row', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: 'row-x' }, { field: 'file', bytes: jpegBytes, name: 'a.jpg' }], status: 409, code: 'command_blocked' },
  { name: 'document for a row twice', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow},{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 422, code: 'invalid_payload' },
  { name: 'document version of an unknown document', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'documentId', value: 'doc-x' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 409, code: 'command_blocked' },
  { name: 'files without a file', path: '/applications/{D}/files', form: [{ field: 'note', value: 'x' }], status: 422, code: 'invalid_payload' },
  { name: 'replace a pending document', path: '/applications/{S}/documents/{doc}', method: 'PUT', form: [{ field: 'file', bytes: pngBytes, name: 'new.png' }], status: 409, code: 'command_blocked' },
  { name: 'replace an unknown document', path: '/applications/{S}/documents/doc-x', method: 'PUT', form: [{ field: 'file', bytes: pngBytes, name: 'new.png' }], status: 404, code: 'document_not_found' },
  { name: 'attach to a submitted application', path: '/applications/{S}/documents', form: [{ field: 'kind', value: 'passport' }, { field: 'rowIds', value: '{Srow}' }, { field: 'file', bytes: pdfBytes, name: 'passport.pdf' }], status: 409, code: 'command_not_allowed' },
  { name: 'message to a draft with a file', path: '/applications/{D}/messages', form: [{ field: 'text', value: 'x' }, { field: 'attachments', bytes: pdfBytes, name: 'a.pdf' }], status: 409, code: 'command_not_allowed' },

  // Headers.
  ...['', '   ', 'a'.repeat(256), 'clé', '\u0001abc', 'a b', 'a\tb', '""', '\u007f', `"${'k'.repeat(300)}"`, 'ÿÿÿÿ'].map(
    (key): Case => ({
      name: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`,
      path: '/applications/{D}/commands',
      json: command('draft.update', { comment: 'x' }),
      headers: { 'idempotency-key': key },
      status: 400,
      code: 'idempotency_key_invalid',
    }),
  ),
  ...['W/"{v}-ru"', '"abc"', '{v}', '"0"', '"-1"', '"99999999999999999999"', '"{v}-de"', '"{v}-ru" "{v}-ru"', ', ,', 'null', '"{v}-ru', `"${'9'.repeat(100_000)}"`, '"{v}\u0001"'].map(
    (ifMatch): Case => ({
      name: `If-Match ${JSON.stringify(ifMatch.slice(0, 24))}`,
      path: '/applications/{D}/commands',
      json: command('draft.update', { comment: 'x' }),
      ifMatch,
      status: 412,
      code: 'version_mismatch',
    }),
  ),
  ...['', '  '].map((ifMatch): Case => ({ name: `If-Match ${JSON.stringify(ifMatch)}`, path: '/applications/{D}/commands', json: command('draft.update', {}), ifMatch, status: 428, code: 'if_match_required' })),
  { name: 'no If-Match on a command', path: '/applications/{D}/commands', json: command('draft.update', {}), ifMatch: null, status: 428, code: 'if_match_required' },
  { name: 'no If-Match on an upload', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], ifMatch: null, status: 428, code: 'if_match_required' },
  { name: 'stale If-Match on an upload', path: '/applications/{D}/documents', form: [{ field: 'kind', value: 'diploma' }, { field: 'rowIds', value: '{Drow}' }, { field: 'file', bytes: pdfBytes, name: 'a.pdf' }], ifMatch: '"1"', status: 412, code: 'version_mismatch' },
  { name: 'stale If-Match on a message', path: '/applications/{S}/messages', json: { text: 'x' }, ifMatch: '"1"', status: 412, code: 'version_mismatch' },
  { name: 'bearer token of 100000 characters', path: '/applications/{D}/commands', as: 'none', headers: { authorization: `Bearer ${'t'.repeat(100_000)}` }, json: command('draft.update', {}), status: 401, code: 'unauthenticated' },
  { name: 'basic authentication', path: '/applications', method: 'GET', as: 'none', headers: { authorization: 'Basic cmVwOnJlcA==' }, status: 401, code: 'unauthenticated' },
  { name: 'header of 60000 characters', path: '/applications/{D}/commands', headers: { 'x-padding': 'p'.repeat(60_000) }, json: command('draft.update', { comment: 'x' }), ifMatch: '"0"', status: 412, code: 'version_mismatch' },
  { name: 'odd Accept-Language', path: '/applications/{D}/commands', headers: { 'accept-language': '*;q=abc, ,;;' }, raw: '{', contentType: 'application/json', status: 400, code: 'malformed_body' },
  { name: 'JSON with a charset parameter', path: '/applications/{D}/commands', raw: '{', contentType: 'application/json; charset=utf-16', status: 400, code: 'malformed_body' },

  // Who may do what.
  { name: 'other organization reads', method: 'GET', path: '/applications/{S}', as: 'other', status: 404, code: 'application_not_found' },
  { name: 'other organization writes', path: '/applications/{S}/commands', as: 'other', json: command('draft.update', {}), status: 404, code: 'application_not_found' },
  { name: 'other organization uploads', path: '/applications/{S}/files', as: 'other', form: [{ field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 404, code: 'application_not_found' },
  { name: 'other organization downloads', method: 'GET', path: '/applications/{S}/files/{file}', as: 'other', status: 404, code: 'application_not_found' },
  { name: 'other organization reads events', method: 'GET', path: '/applications/{S}/events', as: 'other', status: 404, code: 'application_not_found' },
  { name: 'other organization reads deadlines', method: 'GET', path: '/applications/{S}/deadlines.ics', as: 'other', status: 404, code: 'application_not_found' },
  { name: 'anonymous write', path: '/applications/{D}/commands', as: 'none', json: command('draft.update', {}), status: 401, code: 'unauthenticated' },
  { name: 'anonymous read', method: 'GET', path: '/applications/{D}', as: 'none', status: 401, code: 'unauthenticated' },
  { name: 'anonymous upload', path: '/applications/{D}/files', as: 'none', form: [{ field: 'file', bytes: pdfBytes, name: 'a.pdf' }], status: 401, code: 'unauthenticated' },
  { name: 'staff sends a draft command', path: '/applications/{D}/commands', as: 'staff', json: command('draft.update', {}), status: 403, code: 'command_forbidden' },
  { name: 'representative accepts a document', path: '/applications/{S}/commands', json: command('document.accept', { documentId: '{doc}' }), status: 403, code: 'command_forbidden' },
  { name: 'command not allowed now', path: '/applications/{S}/commands', as: 'staff', json: command('contract.confirm', {}), status: 409, code: 'command_not_allowed' },
  { name: 'submit an incomplete draft', path: '/applications/{D}/commands', json: command('application.submit', {}), status: 422, code: 'submission_rules_failed' },
  { name: 'second application', path: '/applications', as: 'other', json: { programId: 'vpr-2026-03' }, status: 409, code: 'application_already_exists' },

  // Paths.
  ...[
    '/applications/%00/commands',
    '/applications/..%2F..%2Fetc%2Fpasswd/commands',
    `/applications/${'a'.repeat(5000)}/commands`,
    '/applications/заявка/commands',
    '/applications/%ZZ/commands',
    '/applications/{S}%00/commands',
    '/applications/{S}/../{D}/commands',
  ].map((path): Case => ({ name: `command to ${path.slice(0, 40)}`, path, json: command('draft.update', {}), status: 404 })),
  ...[
    '/applications/{S}/documents/..%2F..%2Frefs',
    '/applications/{S}/documents/%2e%2e/content',
    '/applications/{S}/files/..%2Frefs%2Fx',
    '/applications/{S}/files/%2e%2e',
    '/applications/{S}/files/{file}%00',
    '/applications/{S}/participants/..%2F{Drow}',
    '/applications/{S}/participants/{Drow}',
    '/calendar/days/..%2F..%2Fetc',
    '/nowhere',
    '/applications/{S}/commands/extra',
  ].map((path): Case => ({ name: `GET ${path.slice(0, 50)}`, method: 'GET', path, as: 'rep', status: path.startsWith('/calendar') ? 400 : 404 })),
  ...['DELETE', 'PATCH', 'PUT'].map((method): Case => ({ name: `${method} an application`, method, path: '/applications/{S}', json: {}, status: 404, code: 'route_not_found' })),

  // Query parameters.
  ...[
    ['/applications?limit=0', 'limit'],
    ['/applications?limit=201', 'limit'],
    ['/applications?limit=-1', 'limit'],
    ['/applications?limit=abc', 'limit'],
    ['/applications?limit=1e3', 'limit'],
    ['/applications?limit=9999999', 'limit'],
    ['/applications?limit=', 'limit'],
    ['/applications?limit=1.5', 'limit'],
    ['/applications?offset=-1', 'offset'],
    ['/applications?offset=x', 'offset'],
    ['/applications?offset=%00', 'offset'],
    ['/applications?state=bogus', 'state'],
    ['/applications?state=draft,bogus', 'state'],
    ['/applications?state=', 'state'],
    ['/applications?final=yes', 'final'],
    ['/applications?final=TRUE', 'final'],
    ['/calendar/add?date=2026-02-30&days=1', 'date'],
    ['/calendar/add?date=2026-03-16&days=1.5', 'days'],
    ['/calendar/add?date=2026-03-16&days=9999999', 'days'],
    ['/calendar/add?date=2026-03-16&days=abc', 'days'],
    ['/calendar/add?date=2026-03-16', 'days'],
    ['/calendar/add?days=3', 'date'],
    ['/calendar/add?date=16.03.2026&days=3', 'date'],
    ['/calendar/working-days?from=x&to=2026-03-10', 'from'],
    ['/calendar/working-days?from=2026-02-30&to=2026-03-10', 'from'],
    ['/calendar/working-days?from=2026-03-01&to=2026-13-10', 'to'],
    ['/calendar/days/2026-02-30', 'date'],
    ['/calendar/days/2026-3-9', 'date'],
    ['/deadlines', 'courseStart'],
    ['/deadlines?courseStart=2026-13-01', 'courseStart'],
    ['/deadlines?courseStart=2026-03-16&delivery=drone', 'delivery'],
    ['/deadlines?courseStart=2026-03-16&submittedAt=yesterday', 'submittedAt'],
    ['/deadlines?courseStart=2026-03-16&submittedAt=2026-02-30T10:00:00Z', 'submittedAt'],
    ['/deadlines?courseStart=2026-03-16&submittedAt=2026-03-02T10:00:00', 'submittedAt'],
    ['/deadlines?courseStart=2026-03-16&actPostedAt=0', 'actPostedAt'],
    ['/deadlines?courseStart=2026-03-16&organizationTimeZone=Mars/Olympus', 'organizationTimeZone'],
    ['/applications/{S}/deadlines?organizationTimeZone=Bogus/Zone', 'organizationTimeZone'],
    ['/applications/{S}/deadlines.ics?organizationTimeZone=..%2F..%2Fetc', 'organizationTimeZone'],
    ['/applications/{S}/documents/{doc}/content?version=0', 'version'],
    ['/applications/{S}/documents/{doc}/content?version=99', 'version'],
    ['/applications/{S}/documents/{doc}/content?version=-1', 'version'],
    ['/applications/{S}/documents/{doc}/content?version=abc', 'version'],
  ].map(([path, parameter]): Case => ({ name: `query ${path}`, method: 'GET', path: path!, as: 'rep', status: 400, code: 'invalid_parameter', headers: { 'x-parameter': parameter! } })),
  ...['/calendar/days/1900-01-01', '/calendar/add?date=2100-01-01&days=1', '/deadlines?courseStart=1990-03-16'].map(
    (path): Case => ({ name: `outside the calendar ${path}`, method: 'GET', path, status: 422, code: 'date_outside_calendar' }),
  ),
];

/** File names of an uploaded PDF that must be cleaned before they are stored. */
const hostileFileNames: readonly string[] = [
  '../../etc/passwd.pdf',
  '..\\..\\boot.ini.pdf',
  '/etc/shadow',
  'C:\\Windows\\System32\\config.pdf',
  'scan\r\nX-Injected: 1.pdf',
  'scan\u0000.pdf',
  '\u202Efdp.exe',
  'CON.pdf',
  `${'д'.repeat(1000)}.pdf`,
  '.htaccess',
  '....',
  '%2e%2e%2fpasswd.pdf',
  'scan";filename="evil.exe',
  '<script>alert(1)</script>.pdf',
  'скан паспорта\tИванова.pdf',
  'scan.pdf\u0007',
  '\u2066scan\u2069.pdf',
  'a/b/c/../../d.pdf',
  '🙂 диплом.pdf',
  ' ',
];

function withPdfHeader(size: number): Uint8Array {
  const file = new Uint8Array(size);
  file.set(pdfBytes.slice(0, 9));
  return file;
}

// --- the run ------------------------------------------------------------------------------------------------------

describe('hostile requests', () => {
  let harness: Harness;
  let files: CountingFileStore;
  let directory: string;
  const ids: Record<string, string> = {};
  const owners: Record<string, ActorName> = {};

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fioco-flow-hostile-'));
    files = countingFileStore(createDirectoryFileStore(directory));
    const tokens = new Map<string, Actor>([
      ['token-orlova', representative],
      ['token-ivanov', otherRepresentative],
      ['token-lebedev', staff],
      ['token-newcomer', newcomer],
    ]);
    harness = await createHarness({
      files,
      authenticate: (request) => tokens.get(request.headers.get('authorization')?.replace(/^Bearer /u, '') ?? '') ?? null,
    });

    const submitted = await createSubmittedApplication(harness);
    ids['S'] = submitted.id;
    ids['Srow'] = submitted.rowId;
    ids['doc'] = submitted.documentIds[1]!;
    owners[submitted.id] = 'rep';

    const created = await harness.request('POST', '/applications', { actor: otherRepresentative, json: { programId: 'vpr-2026-03' } });
    const draft = (await created.json()) as { id: string };
    const added = await harness.request('POST', `/applications/${draft.id}/commands`, {
      actor: otherRepresentative,
      json: command('row.add', { row: { lastName: 'Иванова' } }),
      headers: { 'if-match': etagOf(created) },
    });
    ids['D'] = draft.id;
    ids['Drow'] = ((await added.json()) as { data: { rows: { id: string }[] } }).data.rows[0]!.id;
    owners[draft.id] = 'other';

    const uploaded = await harness.request('POST', `/applications/${ids['S']}/files`, { actor: representative, form: formOf([{ field: 'file', bytes: pdfBytes, name: 'scan.pdf' }]) });
    ids['file'] = ((await uploaded.json()) as { files: { id: string }[] }).files[0]!.id;
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const fill = (text: string, version?: number) =>
    text.replace(/\{(S|D|Srow|Drow|doc|file)\}/gu, (_, name: string) => ids[name]!).replace(/\{v\}/gu, String(version ?? 0));
  const fillDeep = (value: unknown): unknown =>
    typeof value === 'string'
      ? fill(value)
      : Array.isArray(value)
        ? value.map(fillDeep)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fillDeep(entry)]))
          : value;

  function formOf(parts: readonly Part[]): FormData {
    const form = new FormData();
    for (const part of parts) {
      if ('value' in part) form.append(part.field, fill(part.value));
      else form.append(part.field, new Blob([part.bytes as Uint8Array<ArrayBuffer>], { type: part.type ?? '' }), part.name);
    }
    return form;
  }

  async function versionOf(id: string): Promise<number> {
    const response = await harness.request('GET', `/applications/${id}`, { actor: staff });
    return ((await response.json()) as { version: number }).version;
  }

  async function send(entry: Case): Promise<Response> {
    const path = fill(entry.path);
    const method = entry.method ?? 'POST';
    const target = /^\/applications\/([^/?]+)/u.exec(path)?.[1];
    const owner = target !== undefined ? owners[target] : undefined;
    const actorName = entry.as ?? owner ?? 'rep';
    const version = target !== undefined && owner !== undefined ? await versionOf(target) : undefined;

    const headers = new Headers();
    if (actorName !== 'none') headers.set('authorization', `Bearer ${tokenFor(actorName)}`);
    const isWrite = method !== 'GET' && /\/(commands|documents|messages)(\/[^/]+)?$/u.test(path);
    if (isWrite && entry.ifMatch !== null) headers.set('if-match', entry.ifMatch === undefined ? `"${version ?? 0}"` : fill(entry.ifMatch, version));
    for (const [name, value] of Object.entries(entry.headers ?? {})) headers.set(name, fill(value, version));

    let body: BodyInit | undefined;
    if (entry.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(fillDeep(entry.json));
    } else if (entry.raw !== undefined) {
      if (entry.contentType !== '') headers.set('content-type', entry.contentType ?? 'application/json');
      body = typeof entry.raw === 'string' ? fill(entry.raw) : (entry.raw as Uint8Array<ArrayBuffer>);
    } else if (entry.form !== undefined) {
      body = formOf(entry.form);
    }
    return harness.handler(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
  }

  const tokenFor = (name: Exclude<ActorName, 'none'>) =>
    ({ rep: 'token-orlova', other: 'token-ivanov', staff: 'token-lebedev', newcomer: 'token-newcomer' })[name];

  it(`has at least 300 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((entry) => entry.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name', async (entry) => {
    const before = await captureState(harness, files, directory);
    const errorsBefore = harness.errors.length;
    const response = await send(entry);
    const text = await response.text();

    expect(response.status, text.slice(0, 300)).toBe(entry.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
    const problem = JSON.parse(text) as { status: number; code: string; detail: string; type: string };
    expect(problem.status).toBe(entry.status);
    if (entry.code !== undefined) expect(problem.code).toBe(entry.code);
    expect(problem.detail.length).toBeGreaterThan(0);
    const parameter = entry.headers?.['x-parameter'];
    if (parameter !== undefined) expect(text).toContain(parameter);
    expect(await captureState(harness, files, directory)).toEqual(before);
    expect(harness.errors.slice(errorsBefore)).toEqual([]);
  });

  // Hostile file names are not a reason to reject a scan: browsers and scanners send odd names. The name is cleaned
  // instead, and the clean name is what is stored and offered for download.
  it.each(hostileFileNames)('stores the name %j safely', async (name) => {
    const response = await harness.request('POST', `/applications/${ids['S']}/files`, { actor: representative, form: formOf([{ field: 'file', bytes: pdfBytes, name }]) });
    expect(response.status).toBe(201);
    const [ref] = ((await response.json()) as { files: { name: string }[] }).files;

    expect(ref!.name).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(ref!.name).not.toContain('..');
    expect(ref!.name).toMatch(/^[^.].*\.pdf$/u);
    expect(Array.from(ref!.name).length).toBeLessThanOrEqual(120);
    const disposition = contentDisposition(ref!.name);
    expect(disposition).not.toMatch(/[\r\n]/u);
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/u.exec(disposition)![1]!)).toBe(ref!.name);
  });

  it('stores nothing outside its directory', async () => {
    const stored = await listFiles(directory);
    expect(stored.every((path) => /^\/(objects\/[0-9a-f]{2}\/[0-9a-f]{64}|refs\/[0-9a-f-]{36}\.json)$/u.test(path))).toBe(true);
  });
});
