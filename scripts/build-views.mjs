// Bundles each MCP Apps view (views/<name>/main.ts + its CSS) into one self-contained HTML file,
// dist/views/<name>.html, that src/resources/views.ts serves as ui://heygen/<...>. Everything is
// inlined: hosts render views in a sandbox with a strict CSP and no network for scripts or fonts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const out = new URL('dist/views/', root);
mkdirSync(out, { recursive: true });
/**
 * zod (which the Apps SDK validates messages with) re-exports every one of its ~40 message
 * locales from one barrel, and a namespace import keeps them all: about 200 KB of translations a
 * view never shows. The barrel is swapped for English alone, the locale zod configures anyway.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) => (args.importer.includes('/zod/') ? { path: args.importer, namespace: 'zod-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(new URL('../locales/en.js', `file://${args.path}`).pathname)};`,
      loader: 'js',
      resolveDir: '/',
    }));
  },
};

const base = readFileSync(new URL('views/shared/base.css', root), 'utf8');

for (const name of ['render', 'picker', 'prompt']) {
  const dir = new URL(`views/${name}/`, root);
  const js = await build({
    entryPoints: [new URL('main.ts', dir).pathname],
    bundle: true, minify: true, write: false, format: 'iife', platform: 'browser', target: 'es2022',
    legalComments: 'none', logLevel: 'warning', plugins: [englishOnly],
  });
  const css = await build({
    stdin: { contents: base + readFileSync(new URL('style.css', dir), 'utf8'), loader: 'css' },
    minify: true, write: false, logLevel: 'warning',
  });
  const template = readFileSync(new URL('index.html', dir), 'utf8');
  // `</script` inside the code would end the inline script early.
  const code = js.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const html = template
    .replace('<!--STYLE-->', () => `<style>${css.outputFiles[0].text}</style>`)
    .replace('<!--SCRIPT-->', () => `<script>${code}</script>`);
  writeFileSync(new URL(`${name}.html`, out), html);
  console.log(`views: ${name}.html ${(html.length / 1024).toFixed(1)} KB`);
}
