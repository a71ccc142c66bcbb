import { z } from 'zod';
import type { AccountBinding } from '../../context.js';
import { defineTool, NeedsInput } from '../define.js';
import { ToolRefusal } from '../../errors.js';
import { askForKey } from '../key-gate.js';

function accountOf(a: AccountBinding | undefined): AccountBinding {
  if (!a) throw new ToolRefusal('This server does not sign people in, so there is no saved HeyGen key to manage: it uses HEYGEN_API_KEY or the X-HeyGen-Api-Key header.');
  return a;
}

/**
 * Hosted mode with sign-in: which HeyGen key the caller runs with, and replacing or deleting
 * their saved one. The key itself is never shown: replacing opens the key page.
 */
export default defineTool({
  name: 'my_heygen_key',
  title: 'My HeyGen key',
  description: 'Whether you run with your own saved HeyGen key or the team key; replace it (opens the key page) or delete it. Never shows the key.',
  toolset: 'account',
  kind: 'update',
  local: true,
  input: () => ({
    action: z.enum(['status', 'replace', 'delete']).default('status'),
  }),
  output: () => ({
    key: z.enum(['personal', 'team', 'none']),
    user: z.string(),
    deleted: z.boolean().optional(),
  }),
  async handler({ action }, ctx) {
    const account = accountOf(ctx.deps.account);
    if (action === 'delete') {
      await account.forget();
      const now = await account.source();
      ctx.note(now === 'team' ? 'Your saved key is deleted; calls use the team key now.' : 'Your saved key is deleted; the next call that needs HeyGen will ask for one.');
      return { key: now, user: account.name, deleted: true };
    }
    if (action === 'replace') {
      const asked = askForKey(ctx.mcp, ctx.clientCapabilities(), account, 'Open this page to save a new HeyGen API key for your account.');
      if (asked.supported && asked.answered === undefined) throw new NeedsInput(asked.result);
      if (!asked.supported) ctx.note(`Open ${asked.url} in a browser to save a new key (valid for 15 minutes).`);
      else ctx.note('Calls use the key saved on the page.');
    }
    return { key: await account.source(), user: account.name };
  },
});
