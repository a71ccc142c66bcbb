import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log.js';
import type { Accounts } from './accounts.js';
import { BodyTooLarge, readBody } from './body.js';
import { header } from './keys.js';

const MAX_FORM_BYTES = 8 * 1024;
const MAX_KEY_CHARS = 512;

/**
 * The key page (`/keys`): where a signed-in person saves, replaces or deletes their HeyGen key,
 * reached from the URL-mode elicitation a tool call answers with. The link carries a signed
 * ticket naming the person for 15 minutes; the page shows whose account it is for. No script,
 * no third-party content, nothing cached, and the key is never written back into a page.
 */
export async function serveKeyPage(req: IncomingMessage, res: ServerResponse, url: URL, accounts: Accounts, log: Logger): Promise<void> {
  if (req.method === 'GET') {
    const ticket = accounts.sealer.verify(url.searchParams.get('t') ?? '');
    if (!ticket) return page(res, 400, 'Link expired', '<p>This link is no longer valid. Ask your assistant again for a fresh link.</p>');
    const team = accounts.hasTeamKey
      ? '<p class="note">Your administrator has set a team HeyGen key: you can use this server without saving your own. Save one here to use your own account and credits instead.</p>'
      : '';
    return page(res, 200, 'Your HeyGen API key', `
<p>Signed in as <strong>${escapeHtml(ticket.n)}</strong>.</p>
${team}
<form method="post" action="keys" autocomplete="off">
  <input type="hidden" name="t" value="${escapeHtml(url.searchParams.get('t') ?? '')}">
  <label for="api_key">HeyGen API key (HeyGen app → Settings → API)</label>
  <input id="api_key" name="api_key" type="password" autocomplete="off" spellcheck="false" maxlength="${MAX_KEY_CHARS}">
  <button type="submit" name="action" value="save">Save key</button>
  <button type="submit" name="action" value="delete" class="secondary">Delete my saved key</button>
</form>
<p class="note">The key is stored encrypted for your account only and is sent to HeyGen, nowhere else. It is never shown again, and it never passes through the chat.</p>`);
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_FORM_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLarge) return page(res, 413, 'Too large', '<p>The form was larger than expected.</p>');
    res.destroy();
    return;
  }
  if (!(header(req, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return page(res, 415, 'Unsupported', '<p>Send the form from the key page.</p>');
  const form = new URLSearchParams(raw.toString('utf8'));
  const ticket = accounts.sealer.verify(form.get('t') ?? '');
  if (!ticket) return page(res, 400, 'Link expired', '<p>This link is no longer valid. Ask your assistant again for a fresh link.</p>');
  const action = form.get('action');
  if (action === 'delete') {
    await accounts.forget(ticket.u);
    log.info('key page: a saved key was deleted');
    return page(res, 200, 'Key deleted', `<p>Your saved HeyGen key is deleted.${accounts.hasTeamKey ? ' Calls use the team key now.' : ''} You can close this tab.</p>`);
  }
  const key = (form.get('api_key') ?? '').trim();
  if (!key || key.length > MAX_KEY_CHARS || !/^[\x21-\x7e]+$/.test(key)) {
    return page(res, 400, 'Not a key', '<p>That does not look like a HeyGen API key (one line of printable characters). Go back and paste it again.</p>');
  }
  const verdict = await accounts.check(key);
  if (verdict === 'rejected') return page(res, 400, 'Key not accepted', '<p>HeyGen did not accept this key. Copy it again from the HeyGen app (Settings → API), go back and paste it.</p>');
  await accounts.save(ticket.u, key);
  log.info('key page: a key was saved', { checked: verdict === 'ok' });
  const unchecked = verdict === 'unknown' ? '<p class="note">HeyGen could not be asked to confirm the key just now; if calls fail with a key error, save it again.</p>' : '';
  return page(res, 200, 'Key saved', `<p>Your HeyGen key is saved. Go back to your assistant and continue: the call waiting for it will go on.</p>${unchecked}<p>You can close this tab.</p>`);
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · heygen-mcp</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}
label{display:block;margin:1rem 0 .3rem}input[type=password]{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin:1rem .5rem 0 0;padding:.5rem 1rem;font:inherit}.secondary{background:none;border:1px solid #999}.note{color:#555;font-size:.9rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // same-origin: the ticket never leaves in a Referer, and the form's POST still carries a real Origin.
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end(html);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
