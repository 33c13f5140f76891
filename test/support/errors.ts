import { expect } from 'vitest';
import type { AppError } from '../../common/errors';

/** `fn` throws an AppError with this code (and, if given, a message matching `message`). */
export const expectCode = (fn: () => unknown, code: string, message?: RegExp) =>
  expect(fn).toThrow(
    expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) }) as AppError,
  );
