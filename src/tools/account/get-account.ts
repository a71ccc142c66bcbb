import { z } from 'zod';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'get_account',
  title: 'Get account and credits',
  description: 'Show the HeyGen account: billing type, remaining balance or credits, and profile basics. Check it before spending credits.',
  toolset: 'account',
  kind: 'read',
  input: {},
  output: {
    username: z.string().optional(),
    email: z.string().optional(),
    name: z.string().optional(),
    billing_type: z.string().optional(),
    currency: z.string().optional(),
    remaining_balance: z.number().optional(),
    plan: z.string().optional(),
    premium_credits: z.number().optional(),
    add_on_credits: z.number().optional(),
    credits_reset_at: z.string().optional(),
    remaining_credits: z.number().optional(),
    spending_cap_usd: z.number().optional(),
    spending_current_usd: z.number().optional(),
  },
  async handler(_args, { heygen, call }) {
    const a = await heygen.users.me(call);
    const name = [a.first_name, a.last_name].filter(Boolean).join(' ') || undefined;
    const credits = a.subscription?.credits;
    return {
      username: a.username,
      email: a.email,
      name,
      billing_type: a.billing_type,
      currency: a.wallet?.currency,
      remaining_balance: a.wallet?.remaining_balance,
      plan: a.subscription?.plan,
      premium_credits: credits?.premium_credits?.remaining,
      add_on_credits: credits?.add_on_credits?.remaining,
      credits_reset_at: credits?.premium_credits?.resets_at,
      remaining_credits: a.usage_based?.remaining_credits,
      spending_cap_usd: a.usage_based?.spending_cap_usd,
      spending_current_usd: a.usage_based?.spending_current_usd,
    };
  },
});
