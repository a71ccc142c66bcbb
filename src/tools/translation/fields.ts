import { InputError } from '../../errors.js';

/** Shared checks of the translation and lipsync tools (ids, URLs: ../fields.ts; media: ../media.ts; paging: ../paging.ts). */

export function checkTimes(start: number | undefined, end: number | undefined): void {
  if (start !== undefined && end !== undefined && end <= start) throw new InputError('end_time', 'must be greater than start_time');
}
