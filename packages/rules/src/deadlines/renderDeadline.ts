import { provisionalNote } from '../calendar/describe.js';
import type { DayDescription } from '../calendar/types.js';
import { dayMonth, pluralRu } from '../shared/dateWords.js';
import { addCalendarDays } from '../shared/isoDate.js';
import type { IsoDate, Locale, LocalizedText } from '../shared/types.js';
import { assertTimeZone, dateInTimeZone, formatDate, formatLocalTime, instantToEpochMs } from './time.js';
import type { Deadline, DeadlineExplanation, DeadlineKind } from './types.js';

const HEADINGS: Record<DeadlineKind, LocalizedText> = {
  submission: { ru: 'Последний день подачи заявки', en: 'Last day to submit the application' },
  review: { ru: 'Последний день рассмотрения заявки институтом', en: 'Last day for the institute to review the application' },
  document_review: { ru: 'Последний день рассмотрения документа институтом', en: 'Last day for the institute to review the document' },
  contract: { ru: 'Последний день загрузки подписанного договора', en: 'Last day to upload the signed contract' },
  originals: { ru: 'Последний день отправки оригиналов акта и договора', en: 'Last day to mail the originals of the act and contract' },
};

// Wording of the event a forward deadline counts from, placed after «после» / "after".
const FORWARD_EVENTS: Record<DeadlineKind, LocalizedText> = {
  submission: { ru: 'подачи заявки', en: 'the application was submitted on' },
  review: { ru: 'подачи заявки', en: 'the application was submitted on' },
  document_review: { ru: 'загрузки документа', en: 'the document was uploaded on' },
  contract: { ru: 'загрузки договора', en: 'the contract was uploaded on' },
  originals: { ru: 'поступления акта в переписку по заявке', en: "the act reached the application's message thread on" },
};

const ZONE_NAMES: Readonly<Record<string, LocalizedText>> = {
  'Europe/Moscow': { ru: 'по московскому времени', en: 'Moscow time' },
};

/** Options of `renderDeadline`. */
export interface RenderDeadlineOptions {
  /** Language of the text; Russian by default. */
  readonly locale?: Locale;
  /** The organization's IANA time zone: the text adds the moment the deadline ends there in local time. */
  readonly organizationTimeZone?: string;
}

/** Formats a date inside a sentence, with the year only when it differs from the deadline's year. */
function dateInText(date: IsoDate, deadlineYear: string, locale: Locale): string {
  return dayMonth(date, locale, !date.startsWith(deadlineYear));
}

function dateRange(first: IsoDate, last: IsoDate, deadlineYear: string, locale: Locale): string {
  if (first === last) return dateInText(first, deadlineYear, locale);
  const sameMonth = first.slice(0, 7) === last.slice(0, 7);
  if (sameMonth) return `${Number(first.slice(8))}–${dateInText(last, deadlineYear, locale)}`;
  return `${dateInText(first, deadlineYear, locale)} – ${dateInText(last, deadlineYear, locale)}`;
}

/** Words the reason for a notable day, for one day and for a range. Neighbouring days with the same key are merged. */
function reasonOf(day: DayDescription, deadlineYear: string): { key: string; one: LocalizedText; many: LocalizedText } {
  switch (day.kind) {
    case 'transferred_day_off': {
      const from = day.transferredFrom;
      const ruFrom = from === undefined ? 'перенос' : `перенос с ${dateInText(from, deadlineYear, 'ru')}`;
      const enFrom = from === undefined ? 'transferred' : `transferred from ${dateInText(from, deadlineYear, 'en')}`;
      return {
        key: `transfer:${from ?? day.date}`,
        one: { ru: `выходной день (${ruFrom})`, en: `is a day off (${enFrom})` },
        many: { ru: `выходные дни (${ruFrom})`, en: `are days off (${enFrom})` },
      };
    }
    case 'holiday':
      return {
        key: `holiday:${day.name?.ru ?? ''}`,
        one: { ru: `праздничный день (${day.name?.ru ?? ''})`, en: `is a public holiday (${day.name?.en ?? ''})` },
        many: { ru: `праздничные дни (${day.name?.ru ?? ''})`, en: `are public holidays (${day.name?.en ?? ''})` },
      };
    case 'extraordinary_non_working':
      return {
        key: `decree:${day.decree ?? ''}`,
        one: { ru: `нерабочий день (${day.decree ?? ''})`, en: `is a paid non-working day (${day.decree ?? ''})` },
        many: { ru: `нерабочие дни (${day.decree ?? ''})`, en: `are paid non-working days (${day.decree ?? ''})` },
      };
    case 'regional_holiday': {
      const inferred: LocalizedText = day.inferred ? { ru: ', дата выведена из правила переноса', en: ', date inferred from the transfer rule' } : { ru: '', en: '' };
      return {
        key: `regional:${day.name?.ru ?? ''}:${day.inferred ? 'inferred' : ''}`,
        one: { ru: `региональный праздник (${day.name?.ru ?? ''}${inferred.ru})`, en: `is a regional holiday, ${day.name?.en ?? ''}${inferred.en}` },
        many: { ru: `региональные праздники (${day.name?.ru ?? ''}${inferred.ru})`, en: `are regional holidays, ${day.name?.en ?? ''}${inferred.en}` },
      };
    }
    case 'working_weekend': {
      const ruDay = day.weekday === 6 ? 'рабочая суббота' : 'рабочее воскресенье';
      const enDay = day.weekday === 6 ? 'a working Saturday' : 'a working Sunday';
      const swap = day.swappedWith;
      return {
        key: `working:${day.date}`,
        one: {
          ru: swap === undefined ? ruDay : `${ruDay} (перенос выходного дня на ${dateInText(swap, deadlineYear, 'ru')})`,
          en: swap === undefined ? `is ${enDay}` : `is ${enDay} (day off transferred to ${dateInText(swap, deadlineYear, 'en')})`,
        },
        many: { ru: ruDay, en: `is ${enDay}` },
      };
    }
    default:
      return {
        key: `other:${day.kind}`,
        one: { ru: day.label.ru.toLowerCase(), en: `is ${day.label.en.toLowerCase()}` },
        many: { ru: day.label.ru.toLowerCase(), en: `are ${day.label.en.toLowerCase()}` },
      };
  }
}

/**
 * Lists the days a reader would not expect: weekdays off passed over and working weekends counted, in date order, with
 * neighbouring days of the same reason merged into one range («1–6 января — праздничные дни»). Saturdays and
 * Sundays off are left out, holidays among them included.
 */
function notableDays(explanation: DeadlineExplanation, deadlineYear: string, locale: Locale): string[] {
  const days = [...explanation.skippedDays, ...explanation.countedWorkingWeekends].sort((a, b) => (a.date < b.date ? -1 : 1));
  const workedWeekdays = new Set(explanation.countedDays);
  const phrases: string[] = [];
  let group: { first: IsoDate; last: IsoDate; reason: ReturnType<typeof reasonOf> } | undefined;

  const flush = () => {
    if (group === undefined) return;
    const single = group.first === group.last;
    const reason = single ? group.reason.one : group.reason.many;
    const dates = dateRange(group.first, group.last, deadlineYear, locale);
    phrases.push(locale === 'en' ? `${dates} ${reason.en}` : `${dates} — ${reason.ru}`);
    group = undefined;
  };

  for (const day of days) {
    const notable = day.kind === 'working_weekend' || (!day.working && day.weekday <= 5);
    if (!notable) continue;
    const reason = reasonOf(day, deadlineYear);
    // Merge only across non-working days: a working day between two holidays splits them.
    const adjacent = group !== undefined && !hasWorkedDayBetween(group.last, day.date, workedWeekdays);
    if (group !== undefined && adjacent && group.reason.key === reason.key && day.kind !== 'working_weekend') {
      group.last = day.date;
      continue;
    }
    flush();
    group = { first: day.date, last: day.date, reason };
  }
  flush();
  return phrases;
}

function hasWorkedDayBetween(first: IsoDate, last: IsoDate, worked: ReadonlySet<IsoDate>): boolean {
  for (let date = addCalendarDays(first, 1); date < last; date = addCalendarDays(date, 1)) {
    if (worked.has(date)) return true;
  }
  return false;
}

function countText(explanation: DeadlineExplanation, deadlineYear: string, locale: Locale): string {
  const { amount, anchor, kind } = explanation;
  const anchorText = dateInText(anchor, deadlineYear, locale);
  if (explanation.direction === 'backward') {
    const fullDays = explanation.mode === 'full-days';
    if (locale === 'en') {
      const days = `${amount} ${fullDays ? 'full ' : ''}working day${amount === 1 ? '' : 's'}`;
      return `${days} before the course starts on ${anchorText}${fullDays ? ', not counting that day' : ''}`;
    }
    const days = fullDays
      ? `${amount} ${pluralRu(amount, ['полный рабочий день', 'полных рабочих дня', 'полных рабочих дней'])}`
      : `${amount} ${pluralRu(amount, ['рабочий день', 'рабочих дня', 'рабочих дней'])}`;
    return `${days} до начала курса ${anchorText}${fullDays ? ', не считая этого дня' : ''}`;
  }

  const event = FORWARD_EVENTS[kind];
  if (locale === 'en') return `${amount} working day${amount === 1 ? '' : 's'} after ${event.en} ${anchorText}`;
  return `${amount} ${pluralRu(amount, ['рабочий день', 'рабочих дня', 'рабочих дней'])} после ${event.ru} ${anchorText}`;
}

function cutOffText(explanation: DeadlineExplanation, locale: Locale): string {
  const zone = ZONE_NAMES[explanation.timeZone];
  if (locale === 'en') return `until ${explanation.cutOff} ${zone?.en ?? `${explanation.timeZone} time`}`;
  return `до ${explanation.cutOff} ${zone?.ru ?? `по времени часового пояса ${explanation.timeZone}`}`;
}

function localTimeText(deadline: Deadline, organizationTimeZone: string, locale: Locale): string {
  assertTimeZone(organizationTimeZone, 'organizationTimeZone');
  if (organizationTimeZone === deadline.explanation.timeZone) return '';
  const otherYear = !dateInTimeZone(deadline.endsAt, organizationTimeZone).startsWith(deadline.date.slice(0, 4));
  const local = formatLocalTime(deadline.endsAt, organizationTimeZone, locale, otherYear);
  return locale === 'en' ? ` (${local} local time)` : ` (${local} по местному времени)`;
}

function provisionalText(years: readonly number[], locale: Locale): string {
  if (years.length === 0) return '';
  const notes = years.map((year) => provisionalNote(year)[locale]);
  return locale === 'en'
    ? `. The deadline is provisional because ${notes.join('; ')}`
    : `. Срок предварительный, потому что ${notes.join('; ')}`;
}

/**
 * Renders a deadline with its explanation as one sentence for a person, in Russian by default.
 *
 * @example
 * import { computeDeadlines, renderDeadline, russianCalendar } from '@fioco-flow/rules';
 *
 * const { submission } = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar: russianCalendar() });
 * renderDeadline(submission);
 * //=> 'Последний день подачи заявки — 4 марта 2026 г. (ср), до 24:00 по московскому времени: 7 рабочих дней до
 * //    начала курса 16 марта; 9 марта — выходной день (перенос с 8 марта)'
 * renderDeadline(submission, { organizationTimeZone: 'Asia/Vladivostok' });
 * //=> 'Последний день подачи заявки — 4 марта 2026 г. (ср), до 24:00 по московскому времени (07:00 5 марта по
 * //    местному времени): 7 рабочих дней до начала курса 16 марта; 9 марта — выходной день (перенос с 8 марта)'
 * renderDeadline(submission, { locale: 'en' });
 * //=> 'Last day to submit the application — Wed 4 March 2026, until 24:00 Moscow time: 7 working days before the
 * //    course starts on 16 March; 9 March is a day off (transferred from 8 March)'
 * @throws {TypeError} when the deadline has no valid date or `endsAt`
 * @throws {RangeError} for an unknown `organizationTimeZone`
 */
export function renderDeadline(deadline: Deadline, options: RenderDeadlineOptions = {}): string {
  const locale: Locale = options.locale === 'en' ? 'en' : 'ru';
  instantToEpochMs(deadline?.endsAt, 'deadline.endsAt');
  const { explanation } = deadline;
  const year = deadline.date.slice(0, 4);

  const heading = HEADINGS[deadline.kind][locale];
  const local = options.organizationTimeZone === undefined ? '' : localTimeText(deadline, options.organizationTimeZone, locale);
  const calendar = explanation.calendarName === undefined ? '' : ` (${explanation.calendarName[locale]})`;
  const reasons = [countText(explanation, year, locale) + calendar, ...notableDays(explanation, year, locale)];

  return `${heading} — ${formatDate(deadline.date, locale)}, ${cutOffText(explanation, locale)}${local}: ${reasons.join('; ')}${provisionalText(explanation.provisionalYears, locale)}`;
}

