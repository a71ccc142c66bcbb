import { z } from 'zod';
import { MAX_LIMIT } from './listing.js';

/** Input pieces every catalog list shares, with the bounds agents are held to. */
export const pagingInput = {
  limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe('Default 25.'),
  next_token: z.string().max(2000).optional(),
};

export const queryInput = z.string().trim().min(1).max(100).optional().describe('Name contains.');

/** HeyGen ids: letters, digits and a few separators; anything else cannot be an id. */
export const catalogId = (what: string) => z.string().min(1).max(200)
  .regex(/^[\w.:-]+$/, `must be a ${what} id: letters, digits, _ . : -`);

export const genderInput = z.enum(['male', 'female']);
export const ownershipInput = z.enum(['public', 'private']).optional();
