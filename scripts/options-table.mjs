// Prints the README options table from the configuration contract (src/config.ts, built to dist/)
// and the toolsets table from the tool registry (src/tools/index.ts). `--write` updates README.md
// in place; test/server/readme.test.ts fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';

const { optionsTable } = await import('../dist/config.js');
const { toolsetsTable } = await import('../dist/tools/index.js');
const table = optionsTable();
const tools = toolsetsTable();

if (process.argv.includes('--write')) {
  const readme = new URL('../README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  writeFileSync(readme, text
    .replace(/<!-- options:start -->[\s\S]*<!-- options:end -->/, `<!-- options:start -->\n${table}\n<!-- options:end -->`)
    .replace(/<!-- toolsets:start -->[\s\S]*<!-- toolsets:end -->/, `<!-- toolsets:start -->\n${tools}\n<!-- toolsets:end -->`));
} else {
  process.stdout.write(`${table}\n\n${tools}\n`);
}
