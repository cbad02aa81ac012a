import { computeDeadlines, type DeadlinePolicy, type WorkCalendar } from '@fioco-flow/rules';
import type { Hono } from 'hono';
import type { AdapterEnv } from '../http/env.js';
import { optionalChoice, optionalInstant, optionalTimeZone, requireInteger, requireIsoDate } from '../http/params.js';
import { spansProvisionalYear, toDayView, toDeadlineView, withinCalendar } from '../views/calendar.js';

/** Calendar and deadline policy of the public calendar and deadline routes. */
export interface CalendarRouteOptions {
  readonly calendar: WorkCalendar;
  readonly deadlinePolicy?: Partial<DeadlinePolicy>;
}

/**
 * Registers the routes other services use without an application:
 * `GET /deadlines`, `GET /calendar/working-days`, `GET /calendar/add` and `GET /calendar/days/:date`.
 */
export function registerCalendarRoutes(app: Hono<AdapterEnv>, options: CalendarRouteOptions): void {
  const { calendar, deadlinePolicy } = options;

  app.get('/deadlines', (c) => {
    const courseStart = requireIsoDate('courseStart', c.req.query('courseStart'));
    const delivery = optionalChoice('delivery', c.req.query('delivery'), ['paper', 'electronic'] as const) ?? 'paper';
    const submittedAt = optionalInstant('submittedAt', c.req.query('submittedAt'));
    const actPostedAt = optionalInstant('actPostedAt', c.req.query('actPostedAt'));
    const organizationTimeZone = optionalTimeZone('organizationTimeZone', c.req.query('organizationTimeZone'));
    const locale = c.get('locale');

    const deadlines = withinCalendar(calendar, courseStart, () =>
      computeDeadlines(
        {
          courseStart,
          delivery,
          ...(submittedAt ? { submittedAt } : {}),
          ...(actPostedAt ? { actPostedAt } : {}),
        },
        { calendar, ...(deadlinePolicy ? { policy: deadlinePolicy } : {}) },
      ),
    );

    const ordered = [deadlines.submission, deadlines.review, deadlines.contract, deadlines.originals].filter(
      (deadline) => deadline !== undefined,
    );
    return c.json({
      courseStart,
      delivery,
      deadlines: ordered.map((deadline) => toDeadlineView(deadline, locale, organizationTimeZone)),
    });
  });

  app.get('/calendar/working-days', (c) => {
    const from = requireIsoDate('from', c.req.query('from'));
    const to = requireIsoDate('to', c.req.query('to'));

    const workingDays = withinCalendar(calendar, from < to ? to : from, () => calendar.countWorkingDays(from, to));
    return c.json({ from, to, workingDays, provisional: spansProvisionalYear(calendar, from, to) });
  });

  app.get('/calendar/add', (c) => {
    const date = requireIsoDate('date', c.req.query('date'));
    const days = requireInteger('days', c.req.query('days'));

    const result = withinCalendar(calendar, date, () => calendar.addWorkingDays(date, days));
    return c.json({ date, days, result, provisional: spansProvisionalYear(calendar, date, result) });
  });

  app.get('/calendar/days/:date', (c) => {
    const date = requireIsoDate('date', c.req.param('date'));

    const day = withinCalendar(calendar, date, () => calendar.describeDay(date));
    return c.json({ ...toDayView(day, c.get('locale')), calendar: calendar.name[c.get('locale')] });
  });
}
