// Stands in for `@modelcontextprotocol/server/_shims` (the SDK's Node shim) in the bundled bin.
// The SDK's own shim imports its Ajv validator module, which sets Ajv up as soon as it loads: a
// tenth of a cold start, for a validator this server only needs when a client answers a form
// elicitation through `Server.elicitInput`. Here the validator is the same class from the SDK's
// published `validators/ajv` entry, loaded on the first schema it is asked to check.
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);

export class DefaultJsonSchemaValidator {
  #inner;
  getValidator(schema) {
    this.#inner ??= new (require('@modelcontextprotocol/server/validators/ajv').AjvJsonSchemaValidator)();
    return this.#inner.getValidator(schema);
  }
}

export { process };
