import { applicationStates } from '@fioco-flow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, createSubmittedApplication, otherRepresentative, representative, type Harness } from './support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness();
});

afterAll(async () => {
  await harness.close();
});

interface Chart {
  states: { id: string; label: string; final: boolean; parent: string | null; initial: boolean }[];
  transitions: { from: string; to: string | null; command: string; label: string }[];
}

describe('GET /machine', () => {
  it('lists every state with Russian labels', async () => {
    const response = await harness.request('GET', '/machine');
    const chart = (await response.json()) as Chart;

    expect(response.status).toBe(200);
    expect(chart.states.map((state) => state.id).filter((id) => id !== 'in_work').sort()).toEqual([...applicationStates].sort());
    expect(chart.states.find((state) => state.id === 'draft')).toMatchObject({ label: 'Черновик', initial: true, final: false });
    expect(chart.states.find((state) => state.id === 'lapsed')?.final).toBe(true);
  });

  it('labels transitions in English on request', async () => {
    const response = await harness.request('GET', '/machine', { headers: { 'accept-language': 'en' } });
    const chart = (await response.json()) as Chart;
    const submit = chart.transitions.find((transition) => transition.command === 'application.submit');

    expect(submit).toMatchObject({ from: 'draft', to: 'submitted', label: 'Submit the application' });
  });

  it('answers 304 to a client that has it', async () => {
    const first = await harness.request('GET', '/machine');
    const again = await harness.request('GET', '/machine', { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    const english = await harness.request('GET', '/machine', {
      headers: { 'if-none-match': first.headers.get('etag') ?? '', 'accept-language': 'en' },
    });

    expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/u);
    expect(first.headers.get('vary')).toContain('Accept-Language');
    expect(again.status).toBe(304);
    expect(english.status).toBe(200);
  });
});

describe('GET /applications/:id/deadlines.ics', () => {
  it('writes one all-day event per deadline', async () => {
    const submitted = await createSubmittedApplication(harness);

    const response = await harness.request('GET', `/applications/${submitted.id}/deadlines.ics`, { actor: representative });
    const text = await response.text();
    const unfolded = text.replace(/\r\n[ \t]/gu, '');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(unfolded.match(/BEGIN:VEVENT/gu)).toHaveLength(3);
    expect(unfolded).toContain(`UID:${submitted.id}.submission@fioco-flow`);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260304');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260305');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260311');
    expect(unfolded).toContain('SUMMARY:Последний день подачи заявки — Оценивание ответов на задания ВПР');
    expect(unfolded).toContain('9 марта — выходной день');
    expect(unfolded).toContain('DTSTAMP:20260302T090000Z');
  });

  it('folds lines at 75 octets without splitting a character', async () => {
    const submitted = await harness.request('GET', '/applications', { actor: representative });
    const [application] = ((await submitted.json()) as { items: { id: string }[] }).items;

    const response = await harness.request('GET', `/applications/${application?.id}/deadlines.ics`, { actor: representative });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes).split('\r\n');

    for (const line of lines) expect(new TextEncoder().encode(line).byteLength, line).toBeLessThanOrEqual(75);
  });

  it('writes English on request', async () => {
    const listed = await harness.request('GET', '/applications', { actor: representative });
    const [application] = ((await listed.json()) as { items: { id: string }[] }).items;

    const response = await harness.request('GET', `/applications/${application?.id}/deadlines.ics`, {
      actor: representative,
      headers: { 'accept-language': 'en' },
    });
    const unfolded = (await response.text()).replace(/\r\n[ \t]/gu, '');

    expect(unfolded).toContain('SUMMARY:Last day to submit the application — Marking the national tests');
    expect(unfolded).toContain('PRODID:-//fioco-flow//adapter-http//EN');
  });

  it('is not served to another organization', async () => {
    const listed = await harness.request('GET', '/applications', { actor: representative });
    const [application] = ((await listed.json()) as { items: { id: string }[] }).items;

    const response = await harness.request('GET', `/applications/${application?.id}/deadlines.ics`, { actor: otherRepresentative });

    expect(response.status).toBe(404);
  });
});

describe('GET /applications/:id/deadlines', () => {
  it('explains each deadline in the request language', async () => {
    const listed = await harness.request('GET', '/applications', { actor: representative });
    const [application] = ((await listed.json()) as { items: { id: string }[] }).items;

    const response = await harness.request('GET', `/applications/${application?.id}/deadlines?organizationTimeZone=Asia/Vladivostok`, {
      actor: representative,
      headers: { 'accept-language': 'en' },
    });
    const { deadlines } = (await response.json()) as { deadlines: { kind: string; date: string; text: string; explanation: { skippedDays: { label: string }[] } }[] };

    expect(deadlines.map((deadline) => [deadline.kind, deadline.date])).toEqual([
      ['submission', '2026-03-04'],
      ['review', '2026-03-05'],
      ['contract', '2026-03-11'],
    ]);
    expect(deadlines[0]?.text).toMatch(/^Last day to submit the application/u);
    expect(deadlines[0]?.text).toContain('07:00');
    expect(deadlines[0]?.explanation.skippedDays.some((day) => /8 March/u.test(day.label))).toBe(true);
  });
});
