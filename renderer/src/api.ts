import type { ErrorCode, Result } from '../../common/result';
import type { HoldingApi } from '../../common/ipc/contract';

declare global {
  interface Window {
    holding: HoldingApi;
  }
}

export const holding = (): HoldingApi => window.holding;

/** An error from main, carried as data and rethrown here so TanStack Query can hold it. */
export class HoldingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new HoldingError(result.error.code, result.error.message);
}

/** What to show a person for an error: main's own sentence for expected errors, a calm fallback otherwise. */
export function describeError(error: unknown): string {
  if (error instanceof HoldingError) {
    if (error.code === 'INTERNAL') return 'Something went wrong on our side. Nothing you have written has been lost.';
    return error.message;
  }
  return 'Something unexpected happened. Nothing you have written has been lost; please try again.';
}
