/**
 * Every date and time the board shows, in one style, in the reader's own locale and time zone
 * (rendered in the browser only): a day as "Sun, Dec 6, 2026", a time as "9:30 AM", a moment
 * as "today 2:05 PM" or "Tue, Jun 3, 2:05 PM". The plan stores days and times as the inputs
 * write them ("2026-12-06", "09:30"); nobody should have to read those.
 */

const DAY_PARTS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const TIME_PARTS: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const TIME = new Intl.DateTimeFormat(undefined, TIME_PARTS);
const DAY = new Intl.DateTimeFormat(undefined, { ...DAY_PARTS, year: 'numeric' });
const DAY_TIME = new Intl.DateTimeFormat(undefined, { ...DAY_PARTS, ...TIME_PARTS });
const YEAR_DAY_TIME = new Intl.DateTimeFormat(undefined, { ...DAY_PARTS, year: 'numeric', ...TIME_PARTS });
const FULL = new Intl.DateTimeFormat(undefined, { ...DAY_PARTS, year: 'numeric', ...TIME_PARTS, second: '2-digit' });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A moment: "today 2:05 PM", "Tue, Jun 3, 2:05 PM", with the year when it is not this one. */
export function shortMoment(ms: number): string {
  const date = new Date(ms);
  const now = new Date();
  if (sameDay(date, now)) return `today ${TIME.format(date)}`;
  return (date.getFullYear() === now.getFullYear() ? DAY_TIME : YEAR_DAY_TIME).format(date);
}

/** A moment to the second, for a tooltip or a screen reader. */
export function fullMoment(ms: number): string {
  return FULL.format(new Date(ms));
}

/** A day as a date input writes it ("2026-12-06") in words; anything else as it was written. */
export function calendarDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? value : DAY.format(date);
}

/** A time as a time input writes it ("09:30") in the reader's own way; anything else as written. */
export function clockTime(value: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return value;
  return TIME.format(new Date(2000, 0, 1, Number(match[1]), Number(match[2])));
}
