import { KINDS } from '../jobs/kinds.js';
import type { JobKind } from '../jobs/kind.js';
import type { JobReader } from './poller.js';

const MARK = '\u0000';

/**
 * Reads job resources through the job-kinds table. A URI is matched against each kind's own
 * `resourceUri` (built once with a marker id), so the URI shapes live in one place only.
 */
export function jobReaderFrom(kinds: Iterable<JobKind>): JobReader {
  const shapes = [...kinds].map((k) => {
    const sample = k.resourceUri(MARK);
    const mark = sample.includes(MARK) ? MARK : encodeURIComponent(MARK);
    const at = sample.indexOf(mark);
    return { kind: k, at, prefix: sample.slice(0, at), suffix: sample.slice(at + mark.length) };
  }).filter((s) => s.at >= 0);
  return {
    parse(uri) {
      for (const { kind, prefix, suffix } of shapes) {
        if (!uri.startsWith(prefix) || !uri.endsWith(suffix) || uri.length <= prefix.length + suffix.length) continue;
        let id: string;
        try {
          id = decodeURIComponent(uri.slice(prefix.length, uri.length - suffix.length));
        } catch {
          continue;
        }
        if (id.includes('/') || id.length > 200) continue;
        return { kind: kind.kind, id };
      }
      return undefined;
    },
    read(heygen, target, call) {
      const kind = shapes.find((s) => s.kind.kind === target.kind)?.kind;
      if (!kind) return Promise.reject(new Error(`unknown job kind ${target.kind}`));
      return kind.fetch(heygen, target.id, call);
    },
  };
}

export const defaultJobReader: JobReader = jobReaderFrom(Object.values(KINDS).filter((k): k is JobKind => k !== undefined));
