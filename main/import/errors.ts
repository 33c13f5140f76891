import { AppError } from '../../common/errors';

/** Something chosen to import that Holding will not read (hostile, damaged, encrypted, unknown): nothing of it comes in. */
export class ImportRefusedError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'ImportRefusedError';
  }
}
