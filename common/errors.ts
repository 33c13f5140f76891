import type { ErrorCode } from './result';

/**
 * An expected failure with a stable code: bad input, wrong secret, locked vault.
 * Handlers turn these into `{ ok: false }` results; anything else is a bug and is
 * reported as INTERNAL without leaking its details to the renderer.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class LockedError extends AppError {
  constructor() {
    super('LOCKED', 'Holding is locked. Unlock it to carry on.');
  }
}
