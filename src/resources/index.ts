import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from '../context.js';
import { registerCatalogResources } from './catalog.js';
import { registerDocResources } from './docs.js';
import { registerVisualStyleResources } from './visual-styles.js';
import { registerSubscriptions } from './subscriptions.js';
import { registerJobMoreResources } from './jobs-more.js';
import { registerJobResources } from './jobs.js';

export type ResourceRegistrar = (server: McpServer, deps: ServerDeps) => void;

/** Every group of resources; each registrar adds its own URIs and templates. */
const REGISTRARS: ResourceRegistrar[] = [
  registerSubscriptions,
  registerVisualStyleResources,
  registerDocResources,
  registerJobResources,
  registerJobMoreResources,
  registerCatalogResources,
];

export function registerResources(server: McpServer, deps: ServerDeps): void {
  for (const register of REGISTRARS) register(server, deps);
}
