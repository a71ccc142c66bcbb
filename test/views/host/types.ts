import type { McpUiResourceCsp } from '@modelcontextprotocol/ext-apps/app-bridge';

/** What the test asks the host page to open. */
export interface Opening {
  html: string;
  csp: McpUiResourceCsp;
  tool: { name: string; inputSchema: { type: 'object' } };
  args: Record<string, unknown>;
  theme: 'light' | 'dark';
  width: number;
}

/** What the view asked of the host, in order. */
export interface HostEvent {
  type: 'message' | 'context' | 'link' | 'download' | 'log' | 'call';
  params: unknown;
}

/** The host page's globals, as Node sees them through page.evaluate. */
export interface HostWindow {
  hostCallTool(params: unknown): Promise<unknown>;
  hostEvents: HostEvent[];
  openView(o: Opening): Promise<void>;
  sendResult(result: unknown): Promise<void>;
  setTheme(theme: 'light' | 'dark'): Promise<void>;
}
