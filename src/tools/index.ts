import { DEFAULT_TOOLSETS, TOOLSET_SUMMARY, TOOLSETS, type Toolset } from '../config.js';
import type { AnyToolDef } from './define.js';
import { accountTools } from './account/index.js';
import { assetsTools } from './assets/index.js';
import { batchTools } from './batch/index.js';
import { avatarsTools } from './avatars/index.js';
import { lipsyncTools } from './lipsync/index.js';
import { promptKitTools } from './prompt-kit/index.js';
import { studioExtrasTools } from './studio/index.js';
import { templatesTools } from './templates/index.js';
import { translationTools } from './translation/index.js';
import { videoAgentTools } from './video-agent/index.js';
import { videosTools } from './videos/index.js';
import { voicesTools } from './voices/index.js';
import { webhooksTools } from './webhooks/index.js';

/** The registry: the only list of tools. Order here is the order of tools/list. */
export const ALL_TOOLS: AnyToolDef[] = [
  ...videoAgentTools,
  ...videosTools,
  ...avatarsTools,
  ...voicesTools,
  ...assetsTools,
  ...accountTools,
  ...promptKitTools,
  ...templatesTools,
  ...translationTools,
  ...webhooksTools,
  ...lipsyncTools,
  ...studioExtrasTools,
  ...batchTools,
];

/** Toolsets and read-only mode are filters over the registry, nothing more. */
export function selectTools(toolsets: readonly Toolset[], readOnly: boolean, all: AnyToolDef[] = ALL_TOOLS): AnyToolDef[] {
  return all.filter((t) => toolsets.includes(t.toolset) && (!readOnly || t.kind === 'read'));
}

/** The README toolsets table, generated from the registry so it cannot drift (scripts/options-table.mjs --write). */
export function toolsetsTable(all: AnyToolDef[] = ALL_TOOLS): string {
  const rows = TOOLSETS.map((set) => {
    const names = all.filter((t) => t.toolset === set).map((t) => `\`${t.name}\`${t.aliases?.length ? ` (also ${t.aliases.map((a) => `\`${a}\``).join(', ')})` : ''}`);
    return `| \`${set}\` | ${DEFAULT_TOOLSETS.includes(set) ? 'yes' : 'no'} | ${TOOLSET_SUMMARY[set]} | ${names.join(', ')} |`;
  });
  return ['| Toolset | Default | What it adds | Tools |', '|---|---|---|---|', ...rows].join('\n');
}
