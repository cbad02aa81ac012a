import type { Deadline, DeadlineKind, Locale, LocalizedText } from '@fioco-flow/rules';
import { renderDeadline } from '@fioco-flow/rules';
import ical from 'ical-generator';

/** Input of the iCalendar feed of one application's deadlines. */
export interface DeadlineFeed {
  readonly applicationId: string;
  /** Title of the program, shown in every event's summary. */
  readonly programTitle: LocalizedText;
  readonly deadlines: readonly Deadline[];
  /** When the application last changed; written as every event's DTSTAMP, so the feed does not depend on the clock. */
  readonly revisedAt: string;
  readonly organizationTimeZone?: string;
}

const deadlineTitles: Readonly<Record<DeadlineKind, LocalizedText>> = {
  submission: { ru: 'Последний день подачи заявки', en: 'Last day to submit the application' },
  review: { ru: 'Срок проверки заявки институтом', en: 'Institute review of the application due' },
  document_review: { ru: 'Срок проверки заменённого документа', en: 'Review of a replaced document due' },
  contract: { ru: 'Последний день загрузки подписанного договора', en: 'Last day to upload the signed contract' },
  originals: { ru: 'Последний день отправки оригиналов', en: 'Last day to mail the originals' },
};

/**
 * Writes an application's deadlines as an iCalendar feed (RFC 5545): one all-day event on each
 * deadline's last day, its description the deadline's full sentence with the ending time and the
 * days it skipped. All-day dates carry no zone, so the day shown is the same in every calendar app.
 *
 * @example
 * renderDeadlineFeed({ applicationId: 'app-1', programTitle, deadlines: [submission], revisedAt }, 'ru')
 * //=> 'BEGIN:VCALENDAR\r\n…DTSTART;VALUE=DATE:20260304\r\n…SUMMARY:Последний день подачи заявки — …'
 */
export function renderDeadlineFeed(feed: DeadlineFeed, locale: Locale): string {
  const calendar = ical({
    name: locale === 'ru' ? `Сроки заявки ${feed.applicationId}` : `Deadlines of application ${feed.applicationId}`,
    prodId: { company: 'fioco-flow', product: 'adapter-http', language: locale.toUpperCase() },
  });

  for (const deadline of feed.deadlines) {
    const uidParts = [feed.applicationId, deadline.kind, deadline.documentId].filter((part) => part !== undefined);
    calendar.createEvent({
      id: `${uidParts.join('.')}@fioco-flow`,
      // A UTC midnight with allDay is written as VALUE=DATE from its UTC fields, so no zone moves the day.
      start: new Date(`${deadline.date}T00:00:00.000Z`),
      allDay: true,
      stamp: new Date(feed.revisedAt),
      summary: `${deadlineTitles[deadline.kind][locale]} — ${feed.programTitle[locale]}`,
      description: renderDeadline(deadline, {
        locale,
        ...(feed.organizationTimeZone ? { organizationTimeZone: feed.organizationTimeZone } : {}),
      }),
    });
  }
  return calendar.toString();
}
