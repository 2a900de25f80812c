import { conflict } from '../http/errors';

/** Changes that belong to a live plan are refused once its attempt is frozen. */
export function requireNotFrozen(attempt: { frozen: boolean }): void {
  if (attempt.frozen) throw conflict('This attempt is frozen: it can be read, not changed.');
}
