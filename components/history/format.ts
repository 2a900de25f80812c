/** Dates and times in the reader's own locale and time zone (rendered in the browser only). */

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DAY_TIME = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const FULL = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "Tue 3 Jun, 14:05" on another day. */
export function shortMoment(ms: number): string {
  const date = new Date(ms);
  return sameDay(date, new Date()) ? `today ${TIME.format(date)}` : DAY_TIME.format(date);
}

export function fullMoment(ms: number): string {
  return FULL.format(new Date(ms));
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
