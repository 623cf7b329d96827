import type { Reply, SandboxRequest } from './types.ts';

/** A scripted answer for the nth request (1-based) whose method and path match, `times` times in a row. */
export interface ScriptSpec {
  method?: string;
  /** A substring of the path after /v1.0 (or of /download/…), or a RegExp. */
  path: string | RegExp;
  nth?: number;
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function createScripts() {
  let scripts: { spec: ScriptSpec; seen: number }[] = [];
  return {
    add(spec: ScriptSpec): void {
      scripts.push({ spec, seen: 0 });
    },
    clear(): void {
      scripts = [];
    },
    /** The scripted reply for this request, if one is due (every matching script counts the request). */
    take(req: Pick<SandboxRequest, 'method' | 'path'>): Reply | undefined {
      let due: Reply | undefined;
      for (const s of scripts) {
        const { spec } = s;
        if (spec.method && spec.method.toUpperCase() !== req.method) continue;
        if (typeof spec.path === 'string' ? !req.path.includes(spec.path) : !spec.path.test(req.path)) continue;
        s.seen++;
        const first = spec.nth ?? 1;
        if (!due && s.seen >= first && s.seen < first + (spec.times ?? 1)) {
          due = { status: spec.status, body: spec.body ?? null };
          if (spec.headers) due.headers = { ...spec.headers };
        }
      }
      return due;
    },
  };
}

export type Scripts = ReturnType<typeof createScripts>;
