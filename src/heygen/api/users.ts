import { z } from 'zod';
import type { CallOptions, HeyGenHttp } from '../http.js';

const credits = z.object({ remaining: z.number().optional(), resets_at: z.string().optional() });

export const Account = z.object({
  username: z.string().optional(),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  billing_type: z.string().optional(),
  wallet: z.object({
    currency: z.string().optional(),
    remaining_balance: z.number().optional(),
    auto_reload: z.object({ enabled: z.boolean().optional(), amount_usd: z.number().optional(), threshold_usd: z.number().optional() }).optional(),
  }).optional(),
  subscription: z.object({
    plan: z.string().optional(),
    credits: z.object({ premium_credits: credits.optional(), add_on_credits: credits.optional() }).optional(),
  }).optional(),
  usage_based: z.object({
    included_credits: z.number().optional(),
    remaining_credits: z.number().optional(),
    spending_cap_usd: z.number().optional(),
    spending_current_usd: z.number().optional(),
  }).optional(),
});
export type Account = z.output<typeof Account>;

export class UsersApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** GET /v3/users/me — profile, billing type and balance. */
  me(opts?: CallOptions): Promise<Account> {
    return this.http.data({ method: 'GET', path: '/v3/users/me' }, Account, opts);
  }
}
