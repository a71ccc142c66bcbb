/**
 * Imported first by the bin: on stdio, stdout is the JSON-RPC stream, so anything a dependency
 * prints with console.log / info / debug goes to stderr instead of corrupting the protocol.
 */
/* eslint-disable no-console */
console.log = console.error;
console.info = console.error;
console.debug = console.error;
console.trace = (...args: unknown[]) => console.error(new Error(args.map(String).join(' ')).stack);
