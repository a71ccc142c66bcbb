import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError } from '@modelcontextprotocol/server';

/**
 * "Not found", answered one way per surface (ARCHITECTURE.md, "Not found"):
 *
 * - A protocol object the request itself names — a resource URI, a task id, a tool or prompt
 *   name — that does not exist (or is not this caller's) is a JSON-RPC error -32602 (Invalid
 *   params), made here and only here. MCP prescribes that code for a resource miss (2026-07-28,
 *   SEP-2164; the SDK sends it on every revision) and for an unknown or expired task (Tasks
 *   extension, 2025-11-25 tasks utility). `data` names what was missing: `{uri}` for a resource,
 *   exactly as the spec defines it, `{taskId}` for a task, `{name}` for a tool or a prompt.
 * - A HeyGen object that a resource stands for (a job, a voice, a look) is that resource missing:
 *   the same error, with HeyGen's answer worded by describeError as the next step.
 * - A HeyGen object named in a tool's arguments is not a protocol error: the tool answers with
 *   an isError result worded by describeError, so the model can read it and correct the id.
 */
export type Missing =
  | { resource: string }
  | { task: string }
  | { tool: string }
  | { prompt: string };

/** Caller-supplied names are quoted and cut, so a message never carries a control character or a novel. */
const shown = (id: string) => JSON.stringify(id.slice(0, 200));

/** The error for a missing protocol object: `<Kind> not found: "<id>". <next step>` with -32602. */
export function notFound(missing: Missing, next: string): ProtocolError {
  if ('resource' in missing) return new ResourceNotFoundError(missing.resource, `Resource not found: ${shown(missing.resource)}. ${next}`);
  if ('task' in missing) return new ProtocolError(ProtocolErrorCode.InvalidParams, `Task not found: ${shown(missing.task)}. ${next}`, { taskId: missing.task.slice(0, 200) });
  const [kind, name] = 'tool' in missing ? ['Tool', missing.tool] : ['Prompt', missing.prompt];
  return new ProtocolError(ProtocolErrorCode.InvalidParams, `${kind} not found: ${shown(name)}. ${next}`, { name: name.slice(0, 200) });
}
