export type { DayDescription, DayKind, WorkCalendar, YearStatus } from './types.js';
export { russianCalendar, type RussianCalendarOptions } from './russianCalendar.js';
export { extendCalendar, type AddDaysData, type ExtendCalendarOptions, type ReplaceYearsData } from './extendCalendar.js';
export { bashkortostanCalendar, tatarstanCalendar } from './regionalCalendars.js';
