import { App, applyDocumentTheme, applyHostFonts, applyHostStyleVariables, type McpUiHostContext } from '@modelcontextprotocol/ext-apps';

export type Json = Record<string, unknown>;
export type ToolResult = { structuredContent?: Json; content?: { type: string; text?: string }[]; isError?: boolean };

export interface ViewHandlers {
  /** The arguments the model called the tool with (may come before the result). */
  input?(args: Json): void;
  /** The tool's result as the model got it. */
  result(result: ToolResult): void;
  /** The host is about to remove the view (or the call was cancelled): stop any work. */
  stop?(): void;
}

/**
 * Starts a view: the Apps SDK's App, with handlers set before the handshake so no one-shot
 * notification is missed, and the host's theme, colours and fonts applied as they change.
 */
export function startView(name: string, handlers: ViewHandlers): App {
  const app = new App({ name: `heygen-${name}`, version: '1' }, {}, { autoResize: true });
  app.ontoolinput = (p) => handlers.input?.((p.arguments ?? {}) as Json);
  app.ontoolresult = (p) => handlers.result(p as ToolResult);
  app.onhostcontextchanged = (ctx) => applyContext(ctx);
  app.ontoolcancelled = () => handlers.stop?.();
  app.onteardown = async () => {
    handlers.stop?.();
    return {};
  };
  app.connect().then(() => applyContext(app.getHostContext())).catch((err: unknown) => {
    document.body.prepend(el('p', { class: 'error', role: 'alert' }, `Could not reach the host: ${String(err)}`));
  });
  return app;
}

function applyContext(ctx: McpUiHostContext | undefined): void {
  if (!ctx) return;
  if (ctx.theme) applyDocumentTheme(ctx.theme);
  if (ctx.styles?.variables) applyHostStyleVariables(ctx.styles.variables);
  if (ctx.styles?.css?.fonts) applyHostFonts(ctx.styles.css.fonts);
}

/** Error text of a failed result, for showing to the person. */
export function errorText(r: ToolResult): string {
  return (r.content ?? []).filter((c) => c.type === 'text').map((c) => c.text ?? '').join(' ').slice(0, 300) || 'The tool failed.';
}

/** Calls one of this server's tools through the host; the structured result, or an Error with the tool's words. */
export async function callTool<T = Json>(app: App, name: string, args: Json): Promise<T> {
  const r = (await app.callServerTool({ name, arguments: args })) as ToolResult;
  if (r.isError) throw new Error(errorText(r));
  return (r.structuredContent ?? {}) as T;
}

type Child = Node | string | null | undefined | false;

/** A small DOM builder: attributes (on* are listeners), then children. Text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v as EventListener);
    else if (k in node && typeof v !== 'string') (node as unknown as Json)[k] = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Seconds as m:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
