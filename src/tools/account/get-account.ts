import { z } from 'zod';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'get_account',
  title: 'Account and credits',
  description: 'Billing type and remaining balance or credits. Check before spending credits.',
  toolset: 'account',
  kind: 'read',
  input: () => ({}),
  output: () => ({
    username: z.string().optional(),
    billing_type: z.string().optional(),
    currency: z.string().optional(),
    remaining_balance: z.number().optional(),
    premium_credits: z.number().optional(),
    add_on_credits: z.number().optional(),
    remaining_credits: z.number().optional(),
  }),
  async handler(_args, { heygen, call }) {
    const a = await heygen.users.me(call);
    const credits = a.subscription?.credits;
    return {
      username: a.username,
      billing_type: a.billing_type,
      currency: a.wallet?.currency,
      remaining_balance: a.wallet?.remaining_balance,
      premium_credits: credits?.premium_credits?.remaining,
      add_on_credits: credits?.add_on_credits?.remaining,
      remaining_credits: a.usage_based?.remaining_credits,
    };
  },
});
