import { AppError } from '../../common/errors';

/** The rules every room of supervision shares: tidy text, a choice from a list, and the errors. */

export const MAX_TEXT = 5000;
export const MAX_SHORT = 200;

export const invalid = (message: string) => new AppError('INVALID_INPUT', message);
export const notFound = (what: string) =>
  new AppError('NOT_FOUND', `That ${what} could not be found. It may have been deleted.`);

export function text(value: string, what: string, max = MAX_TEXT): string {
  const tidy = value.replace(/\r\n?/g, '\n').trim();
  if (tidy.length > max)
    throw invalid(`${what} is longer than ${max.toLocaleString('en-GB')} characters. Could it be shorter?`);
  return tidy;
}

/** A name or a title: short text on one line. */
export const line = (value: string, what: string) => text(value, what, MAX_SHORT).replace(/\s+/g, ' ');

export function oneOf<T extends string>(value: string, allowed: readonly T[], message: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw invalid(message);
  return value as T;
}
