// script.RemoteValue -> plain JS value (JSON-like).

import type { JsonObject } from './bidi';

export interface RemoteValue {
  type: string;
  value?: unknown;
  handle?: string;
  sharedId?: string;
}

function deserialize(rv: RemoteValue): unknown {
  switch (rv.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return rv.value;
    case 'number':
      switch (rv.value) {
        case 'NaN':
          return Number.NaN;
        case '-0':
          return -0;
        case 'Infinity':
          return Number.POSITIVE_INFINITY;
        case '-Infinity':
          return Number.NEGATIVE_INFINITY;
        default:
          return rv.value;
      }
    case 'bigint':
      return BigInt(String(rv.value));
    case 'array':
    case 'set':
    case 'nodelist':
    case 'htmlcollection':
      return ((rv.value as RemoteValue[] | undefined) ?? []).map(deserialize);
    case 'object':
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const entry of (rv.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []) {
        const [k, v] = entry;
        const key = typeof k === 'string' ? k : String(deserialize(k));
        out[key] = deserialize(v);
      }
      return out;
    }
    case 'date':
      return rv.value;
    case 'regexp': {
      const r = rv.value as { pattern: string; flags?: string };
      return `/${r.pattern}/${r.flags ?? ''}`;
    }
    default:
      // node, window, function, promise, error, …: not JSON-like; describe it.
      return { type: rv.type, ...(rv.sharedId ? { sharedId: rv.sharedId } : {}) };
  }
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: RemoteValue;
  exceptionDetails?: { text?: string; lineNumber?: number; columnNumber?: number };
}

export function unwrapEvaluate(res: JsonObject, what: string): unknown {
  const r = res as unknown as EvaluateResult;
  if (r.type === 'exception') {
    const d = r.exceptionDetails;
    throw new Error(`${what} threw: ${d?.text ?? 'unknown exception'}`);
  }
  return r.result ? deserialize(r.result) : undefined;
}
