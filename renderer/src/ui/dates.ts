/** How days and times are written across Holding, in British English. */

/** "Tue 3 Mar 2026" */
export const WEEKDAY_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};

/** "Tue 3 Mar 2026, 14:20" */
export const WEEKDAY_DATE_TIME: Intl.DateTimeFormatOptions = { ...WEEKDAY_DATE, hour: '2-digit', minute: '2-digit' };

const pad = (n: number) => String(n).padStart(2, '0');

/** A day on this computer's calendar as YYYY-MM-DD, the value a date input wants. */
export const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A time on this computer's clock as HH:MM. */
export const localTime = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** A month as YYYY-MM, from its year and its number (1 to 12). */
export const yearMonth = (year: number, month: number) => `${year}-${pad(month)}`;
