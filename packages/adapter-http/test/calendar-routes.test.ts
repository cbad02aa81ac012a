import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness();
});

afterAll(async () => {
  await harness.close();
});

const get = async (path: string, language?: string) => {
  const response = await harness.request('GET', path, language ? { headers: { 'accept-language': language } } : {});
  return { response, body: (await response.json()) as Record<string, unknown> };
};

describe('GET /calendar/add', () => {
  it('counts back over the 9 March day off', async () => {
    const { response, body } = await get('/calendar/add?date=2026-03-16&days=-7');

    expect(response.status).toBe(200);
    expect(body).toEqual({ date: '2026-03-16', days: -7, result: '2026-03-04', provisional: false });
  });

  it('counts forward over the May holidays', async () => {
    const { body } = await get('/calendar/add?date=2026-05-08&days=3');

    expect(body['result']).toBe('2026-05-14');
  });

  it('returns the date itself for zero days', async () => {
    const { body } = await get('/calendar/add?date=2026-03-08&days=0');

    expect(body['result']).toBe('2026-03-08');
  });

  it('rejects a date that does not exist', async () => {
    const { response, body } = await get('/calendar/add?date=2026-02-30&days=1');

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(body['code']).toBe('invalid_parameter');
    expect(body['detail']).toContain('date = «2026-02-30»');
  });

  it('rejects a fractional number of days', async () => {
    const { response, body } = await get('/calendar/add?date=2026-03-16&days=1.5', 'en');

    expect(response.status).toBe(400);
    expect(body['detail']).toBe('Parameter days = "1.5" is invalid: expected an integer such as -7 or 3.');
  });

  it('rejects a missing parameter', async () => {
    const { response, body } = await get('/calendar/add?date=2026-03-16');

    expect(response.status).toBe(400);
    expect(body['code']).toBe('invalid_parameter');
  });

  it('reports a year beyond the calendar with 422', async () => {
    const { response, body } = await get('/calendar/add?date=2045-03-16&days=1');

    expect(response.status).toBe(422);
    expect(body['code']).toBe('date_outside_calendar');
    expect(body['detail']).toMatch(/^Дата 2045-03-16 или день, отсчитанный от неё, лежит вне производственного календаря/u);
  });
});

describe('GET /calendar/working-days', () => {
  it('counts working days after from up to to', async () => {
    const { response, body } = await get('/calendar/working-days?from=2026-03-04&to=2026-03-16');

    expect(response.status).toBe(200);
    expect(body).toEqual({ from: '2026-03-04', to: '2026-03-16', workingDays: 7, provisional: false });
  });

  it('is negative when to precedes from', async () => {
    const { body } = await get('/calendar/working-days?from=2026-03-16&to=2026-03-04');

    expect(body['workingDays']).toBe(-7);
  });
});

describe('GET /calendar/days/:date', () => {
  it('describes a day off moved from a Sunday holiday', async () => {
    const { body } = await get('/calendar/days/2026-03-09');

    expect(body).toMatchObject({ date: '2026-03-09', working: false, weekday: 1, transferredFrom: '2026-03-08' });
    expect(body['label']).toMatch(/перенос/iu);
    expect(body['calendar']).toMatch(/календарь/u);
  });

  it('describes a working Saturday in English', async () => {
    const { response, body } = await get('/calendar/days/2025-11-01', 'en-US,en;q=0.9');

    expect(response.headers.get('content-language')).toBe('en');
    expect(body).toMatchObject({ date: '2025-11-01', kind: 'working_weekend', working: true, weekday: 6 });
    expect(body['label']).toMatch(/working/iu);
  });

  it('describes Defender of the Fatherland Day', async () => {
    const { body } = await get('/calendar/days/2026-02-23');

    expect(body).toMatchObject({ kind: 'holiday', working: false });
    expect(body['name']).toBe('День защитника Отечества');
  });
});

describe('GET /deadlines', () => {
  it('computes the submission and contract deadlines of a course start', async () => {
    const { response, body } = await get('/deadlines?courseStart=2026-03-16&delivery=paper');
    const deadlines = body['deadlines'] as { kind: string; date: string; endsAt: string; text: string }[];

    expect(response.status).toBe(200);
    expect(deadlines.map((deadline) => [deadline.kind, deadline.date, deadline.endsAt])).toEqual([
      ['submission', '2026-03-04', '2026-03-04T21:00:00.000Z'],
      ['contract', '2026-03-11', '2026-03-11T21:00:00.000Z'],
    ]);
    expect(deadlines[0]?.text).toMatch(/^Последний день подачи заявки — 4 марта 2026 г\./u);
  });

  it('adds the review and originals deadlines from their events', async () => {
    const { body } = await get(
      '/deadlines?courseStart=2026-05-18&delivery=paper&submittedAt=2026-05-08T12:00:00%2B03:00&actPostedAt=2026-05-29T10:00:00Z',
    );
    const deadlines = body['deadlines'] as { kind: string; date: string }[];

    expect(deadlines.map((deadline) => [deadline.kind, deadline.date])).toEqual([
      ['submission', '2026-05-06'],
      ['review', '2026-05-14'],
      ['contract', '2026-05-13'],
      ['originals', '2026-06-03'],
    ]);
  });

  it('gives the local time of an organization in another zone', async () => {
    const { body } = await get('/deadlines?courseStart=2026-03-16&organizationTimeZone=Asia/Vladivostok');
    const deadlines = body['deadlines'] as { text: string }[];

    expect(deadlines[0]?.text).toContain('07:00 5 марта');
  });

  it('rejects an unknown delivery', async () => {
    const { response, body } = await get('/deadlines?courseStart=2026-03-16&delivery=pigeon');

    expect(response.status).toBe(400);
    expect(body['detail']).toBe('Параметр delivery = «pigeon» задан неверно: ожидается одно из значений: paper, electronic.');
  });
});
