import { z } from 'zod';
import { text } from './fields.js';

/** Input pieces every catalog list shares; ids use the shared heygenId() of ./fields.ts, paging ./paging.ts. */

/** Case-insensitive "name contains". */
export const queryInput = text(100).trim().optional().describe('part of the name');

export const genderInput = z.enum(['male', 'female']);
export const ownershipInput = z.enum(['public', 'private']).optional().describe('private: your own');
