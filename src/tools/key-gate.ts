import { CLIENT_CAPABILITIES_META_KEY, inputRequired, inputResponse, type ClientCapabilities, type InputRequiredResult, type Server, type ServerContext } from '@modelcontextprotocol/server';
import type { AccountBinding, ServerDeps } from '../context.js';

/** The client's capabilities: from the request's envelope (2026-07-28) or the session's initialize (2025). */
export function clientCapabilitiesOf(server: Server, deps: ServerDeps, mcp: ServerContext): ClientCapabilities | undefined {
  return deps.era === 'modern'
    ? (mcp.mcpReq.envelope as Record<string, ClientCapabilities | undefined> | undefined)?.[CLIENT_CAPABILITIES_META_KEY]
    : server.getClientCapabilities();
}

/** The name of the embedded request that sends a signed-in person to the key page. */
export const KEY_REQUEST = 'heygen_key';

/**
 * A URL-mode elicitation to the key page: on 2026-07-28 an `input_required` result, on 2025
 * sessions the SDK's shim turns it into `elicitation/create`. The key is typed into the page,
 * never into the chat. `answered` says how the client replied when this is the retry.
 */
export function askForKey(mcp: ServerContext, caps: ClientCapabilities | undefined, account: AccountBinding, message: string): { result: InputRequiredResult; answered: 'accept' | 'decline' | 'cancel' | undefined; supported: boolean; url: string } {
  const answer = inputResponse(mcp.mcpReq.inputResponses, KEY_REQUEST);
  const answered = answer.kind === 'elicit' ? answer.action : undefined;
  const supported = Boolean(caps?.elicitation?.url);
  const url = account.keyPageUrl();
  const result = inputRequired({ inputRequests: { [KEY_REQUEST]: inputRequired.elicitUrl({ message, url }) } });
  return { result, answered, supported, url };
}

/**
 * What a tool call gets when the signed-in person has no HeyGen key yet: the elicitation to the
 * key page, or (a client without URL elicitation, or a retry that still finds no key) a result
 * saying where to go.
 */
export function noKeyYet(mcp: ServerContext, caps: ClientCapabilities | undefined, account: AccountBinding): InputRequiredResult | { content: { type: 'text'; text: string }[]; isError: true } {
  const asked = askForKey(mcp, caps, account, 'This HeyGen server needs your HeyGen API key once. Open the page to save it (it is stored encrypted for your account only).');
  if (asked.supported && asked.answered === undefined) return asked.result;
  const why = asked.answered === 'accept'
    ? 'No HeyGen key is saved for your account yet.'
    : asked.answered ? 'Saving a HeyGen key was cancelled.' : 'This server needs your HeyGen API key, and this client cannot open links for it.';
  return { content: [{ type: 'text', text: `${why} Open ${asked.url} in a browser to save it (the link is valid for 15 minutes), then try again.` }], isError: true };
}
