import { ConfigError, HELP, loadConfig } from './config.js';
import { defaultJobReader } from './hosted/job-reader.js';
import { JobWatcher } from './hosted/poller.js';
import { TaskRunner } from './tasks/runner.js';
import { createLogger } from './log.js';
import { makeDeps } from './deps.js';
import { openStates, openUpstream } from './runtime.js';
import { prepareServer } from './server.js';
import { serveStdio } from './transports/stdio.js';
import { VERSION } from './version.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Asked-for output goes to stdout with exit code 0, as for any command-line tool: nothing is
  // served in these cases, so there is no JSON-RPC stream to keep clean.
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP, () => process.exit(0));
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`, () => process.exit(0));
    return;
  }
  let config;
  try {
    config = loadConfig(argv, process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`heygen-mcp: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: reason instanceof Error ? reason.stack : String(reason) }));
  process.on('uncaughtException', (err) => {
    log.error('uncaught exception', { error: err.stack ?? err.message });
    process.exit(1);
  });
  const upstream = await openUpstream(config, log);
  const states = await openStates(config, log);

  if (config.transport === 'http') {
    const { serveHttp } = await import('./transports/http/server.js');
    await serveHttp({ config, upstream, states, log });
    return;
  }
  await prepareServer();
  if (!upstream.apiKey) {
    log.warn('HEYGEN_API_KEY is not set: HeyGen calls will fail with 401. Set it, or run with --sandbox to try the simulator.');
  }
  // Subscriptions work on stdio too: the same poller, in this process.
  const watcher = new JobWatcher({ reader: defaultJobReader, log });
  const tasks = new TaskRunner({ watcher });
  serveStdio({
    depsFor: (era) => ({ ...makeDeps({ config, upstream, apiKey: upstream.apiKey, transport: 'stdio', era, states, log }), watcher, tasks }),
    log,
    onClose: async () => { await tasks.close(); watcher.close(); await states.close(); await upstream.close(); },
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`heygen-mcp: fatal: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
