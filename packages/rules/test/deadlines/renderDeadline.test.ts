import { describe, expect, it } from 'vitest';
import { russianCalendar, tatarstanCalendar } from '../../src/calendar/index.js';
import { computeDeadlines, renderDeadline, type DeadlineInput, type DeadlinePolicy } from '../../src/deadlines/index.js';

const calendar = russianCalendar();

function compute(input: Partial<DeadlineInput>, policy?: Partial<DeadlinePolicy>) {
  return computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper', ...input }, { calendar, ...(policy === undefined ? {} : { policy }) });
}

describe('renderDeadline', () => {
  it('submission deadline', () => {
    const { submission } = compute({});

    expect(renderDeadline(submission)).toBe(
      'Последний день подачи заявки — 4 марта 2026 г. (ср), до 24:00 по московскому времени: 7 рабочих дней до начала курса 16 марта; 9 марта — выходной день (перенос с 8 марта)',
    );
    expect(renderDeadline(submission, { locale: 'en' })).toBe(
      'Last day to submit the application — Wed 4 March 2026, until 24:00 Moscow time: 7 working days before the course starts on 16 March; 9 March is a day off (transferred from 8 March)',
    );
  });

  it('contract deadline', () => {
    const { contract } = compute({});

    expect(renderDeadline(contract)).toBe(
      'Последний день загрузки подписанного договора — 11 марта 2026 г. (ср), до 24:00 по московскому времени: 3 рабочих дня до начала курса 16 марта',
    );
    expect(renderDeadline(contract, { locale: 'en' })).toMatchInlineSnapshot(`"Last day to upload the signed contract — Wed 11 March 2026, until 24:00 Moscow time: 3 working days before the course starts on 16 March"`);
  });

  it('local time of the organization', () => {
    const { submission } = compute({});

    expect(renderDeadline(submission, { organizationTimeZone: 'Asia/Vladivostok' })).toBe(
      'Последний день подачи заявки — 4 марта 2026 г. (ср), до 24:00 по московскому времени (07:00 5 марта по местному времени): 7 рабочих дней до начала курса 16 марта; 9 марта — выходной день (перенос с 8 марта)',
    );
    expect(renderDeadline(submission, { organizationTimeZone: 'Europe/Kaliningrad' })).toContain('(23:00 4 марта по местному времени)');
    expect(renderDeadline(submission, { organizationTimeZone: 'Asia/Vladivostok', locale: 'en' })).toContain('(07:00 on 5 March local time)');
    expect(renderDeadline(submission, { organizationTimeZone: 'Europe/Moscow' })).toBe(renderDeadline(submission));
    expect(() => renderDeadline(submission, { organizationTimeZone: 'Vladivostok' })).toThrow('Invalid organizationTimeZone');
  });

  it('full-days mode', () => {
    const { submission, contract } = compute({}, { backwardMode: 'full-days' });

    expect(renderDeadline(submission)).toMatchInlineSnapshot(`"Последний день подачи заявки — 3 марта 2026 г. (вт), до 24:00 по московскому времени: 7 полных рабочих дней до начала курса 16 марта, не считая этого дня; 9 марта — выходной день (перенос с 8 марта)"`);
    expect(renderDeadline(contract, { locale: 'en' })).toMatchInlineSnapshot(`"Last day to upload the signed contract — Tue 10 March 2026, until 24:00 Moscow time: 3 full working days before the course starts on 16 March, not counting that day"`);
  });

  it('review deadline', () => {
    const { review } = compute({ courseStart: '2026-06-01', submittedAt: '2026-05-08T15:00:00+03:00' });

    expect(review).toBeDefined();
    expect(renderDeadline(review!)).toBe(
      'Последний день рассмотрения заявки институтом — 14 мая 2026 г. (чт), до 24:00 по московскому времени: 3 рабочих дня после подачи заявки 8 мая; 11 мая — выходной день (перенос с 9 мая)',
    );
    expect(renderDeadline(review!, { locale: 'en' })).toMatchInlineSnapshot(`"Last day for the institute to review the application — Thu 14 May 2026, until 24:00 Moscow time: 3 working days after the application was submitted on 8 May; 11 May is a day off (transferred from 9 May)"`);
  });

  it('document review across the New Year break', () => {
    const { documentReviews } = compute({ documentUploads: [{ documentId: 'diploma-1', uploadedAt: '2025-12-30T10:00:00+03:00' }] });

    expect(renderDeadline(documentReviews[0]!)).toMatchInlineSnapshot(`"Последний день рассмотрения документа институтом — 14 января 2026 г. (ср), до 24:00 по московскому времени: 3 рабочих дня после загрузки документа 30 декабря 2025 г.; 31 декабря 2025 г. — выходной день (перенос с 5 января 2025 г.); 1–6 января — праздничные дни (Новогодние каникулы); 7 января — праздничный день (Рождество Христово); 8 января — праздничный день (Новогодние каникулы); 9 января — выходной день (перенос с 3 января)"`);
    expect(renderDeadline(documentReviews[0]!, { locale: 'en' })).toMatchInlineSnapshot(`"Last day for the institute to review the document — Wed 14 January 2026, until 24:00 Moscow time: 3 working days after the document was uploaded on 30 December 2025; 31 December 2025 is a day off (transferred from 5 January 2025); 1–6 January are public holidays (New Year holidays); 7 January is a public holiday (Orthodox Christmas); 8 January is a public holiday (New Year holidays); 9 January is a day off (transferred from 3 January)"`);
  });

  it('originals on a regional calendar', () => {
    const { originals } = computeDeadlines(
      { courseStart: '2026-03-16', delivery: 'paper', actPostedAt: '2026-03-19T12:00:00+03:00' },
      { calendar, policy: { organizationCalendar: tatarstanCalendar() } },
    );

    expect(originals).toBeDefined();
    expect(renderDeadline(originals!)).toMatchInlineSnapshot(`"Последний день отправки оригиналов акта и договора — 25 марта 2026 г. (ср), до 24:00 по московскому времени: 3 рабочих дня после поступления акта в переписку по заявке 19 марта (Производственный календарь Республики Татарстан); 20 марта — региональный праздник (Ураза-байрам)"`);
    expect(renderDeadline(originals!, { locale: 'en' })).toMatchInlineSnapshot(`"Last day to mail the originals of the act and contract — Wed 25 March 2026, until 24:00 Moscow time: 3 working days after the act reached the application's message thread on 19 March (Production calendar of the Republic of Tatarstan); 20 March is a regional holiday, Eid al-Fitr (Uraza Bayram)"`);
  });

  it('provisional year', () => {
    const { submission } = compute({ courseStart: '2027-01-11' });

    expect(renderDeadline(submission)).toMatchInlineSnapshot(`"Последний день подачи заявки — 22 декабря 2026 г. (вт), до 24:00 по московскому времени: 7 рабочих дней до начала курса 11 января 2027 г.; 31 декабря — выходной день (перенос с 4 января); 1–6 января 2027 г. — праздничные дни (Новогодние каникулы); 7 января 2027 г. — праздничный день (Рождество Христово); 8 января 2027 г. — праздничный день (Новогодние каникулы). Срок предварительный, потому что 2027 год — предварительные данные: постановление Правительства о переносе выходных ещё не опубликовано"`);
    expect(renderDeadline(submission, { locale: 'en' })).toMatchInlineSnapshot(`"Last day to submit the application — Tue 22 December 2026, until 24:00 Moscow time: 7 working days before the course starts on 11 January 2027; 31 December is a day off (transferred from 4 January); 1–6 January 2027 are public holidays (New Year holidays); 7 January 2027 is a public holiday (Orthodox Christmas); 8 January 2027 is a public holiday (New Year holidays). The deadline is provisional because 2027 is provisional: the Government decree on transferring days off has not been published yet"`);
  });

  it('presidential non-working days', () => {
    expect(renderDeadline(compute({ courseStart: '2020-04-20' }).submission)).toMatchInlineSnapshot(`"Последний день подачи заявки — 19 марта 2020 г. (чт), до 24:00 по московскому времени: 7 рабочих дней до начала курса 20 апреля; 30 марта – 3 апреля — нерабочие дни (Указ Президента РФ от 25.03.2020 № 206); 6–17 апреля — нерабочие дни (Указ Президента РФ от 02.04.2020 № 239)"`);
  });

  it('working Saturday counted', () => {
    expect(renderDeadline(compute({ courseStart: '2025-11-06' }).submission)).toMatchInlineSnapshot(`"Последний день подачи заявки — 27 октября 2025 г. (пн), до 24:00 по московскому времени: 7 рабочих дней до начала курса 6 ноября; 1 ноября — рабочая суббота (перенос выходного дня на 3 ноября); 3 ноября — выходной день (перенос с 1 ноября); 4 ноября — праздничный день (День народного единства)"`);
  });

  it('other cut-off and zone', () => {
    const { contract } = compute({}, { cutOff: '18:00', timeZone: 'Asia/Yekaterinburg' });

    expect(renderDeadline(contract)).toMatchInlineSnapshot(`"Последний день загрузки подписанного договора — 11 марта 2026 г. (ср), до 18:00 по времени часового пояса Asia/Yekaterinburg: 3 рабочих дня до начала курса 16 марта"`);
    expect(renderDeadline(contract, { locale: 'en' })).toMatchInlineSnapshot(`"Last day to upload the signed contract — Wed 11 March 2026, until 18:00 Asia/Yekaterinburg time: 3 working days before the course starts on 16 March"`);
  });

  it('Russian plural forms', () => {
    const texts = [1, 2, 5, 21].map((submissionDays) => renderDeadline(compute({}, { submissionDays }).submission));

    expect(texts[0]).toContain(': 1 рабочий день до начала курса 16 марта');
    expect(texts[1]).toContain(': 2 рабочих дня до начала курса');
    expect(texts[2]).toContain(': 5 рабочих дней до начала курса');
    expect(texts[3]).toContain(': 21 рабочий день до начала курса');
  });

  it('rejects a deadline without endsAt', () => {
    const { submission } = compute({});
    expect(() => renderDeadline({ ...submission, endsAt: '' })).toThrow('Invalid deadline.endsAt');
  });
});
