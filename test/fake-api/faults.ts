/**
 * One-shot faults queued by tests: forced statuses, delays, dropped or cut connections
 * (integrate-api.md §10.8). The dropped connection is the case behind the client's
 * "never retry a call once it may have reached the server" rule (§11.4).
 */
import { apiError, defaultMessage, json, type Reply } from './reply';

export type Fault = {
  /** Exact request path, e.g. '/api/calls/'; any path when absent. */
  path?: string;
  /** HTTP method, any case; any method except OPTIONS when absent. */
  method?: string;
  /** How many matching requests it affects; default 1. */
  times?: number;
} & (
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  /** Waits `ms` real milliseconds, then handles the request normally. */
  | { kind: 'delay'; ms: number }
  /** Reads and records the request, then destroys the socket without answering. */
  | { kind: 'drop' }
  /**
   * Reads and records the request, starts the answer (status line and headers), then cuts the
   * connection mid-body: the request surely arrived, the answer was lost. Unlike after a `drop`,
   * no browser resends the request by itself (see server.ts), so e2e tests use this one.
   */
  | { kind: 'cut' }
  /** Resets the connection before reading anything; not recorded, as if the server were down. */
  | { kind: 'unreachable' }
);

type Queued = { fault: Fault; left: number };

export class FaultQueue {
  private queue: Queued[] = [];

  inject(fault: Fault): void {
    const problem = faultProblem(fault);
    if (problem) throw new TypeError(`Invalid fault: ${problem}`);
    this.queue.push({ fault, left: fault.times ?? 1 });
  }

  /** Takes the oldest fault that matches this request, using up one of its `times`. */
  take(method: string, path: string): Fault | undefined {
    const entry = this.queue.find((q) => matches(q.fault, method, path));
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.queue = this.queue.filter((q) => q !== entry);
    return entry.fault;
  }

  /** Whether a fault that kills the connection is still waiting for its request. */
  hasConnectionFault(): boolean {
    return this.queue.some((q) => q.fault.kind === 'drop' || q.fault.kind === 'unreachable');
  }

  clear(): void {
    this.queue = [];
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.path !== undefined && fault.path !== path) return false;
  // CORS preflights are browser plumbing: a fault aimed at "the next call" must hit the call.
  if (fault.method === undefined) return method !== 'OPTIONS';
  return fault.method.toUpperCase() === method;
}

/** The reply a `status` fault sends: its own body, or the documented body for that status (§3). */
export function faultReply(fault: Extract<Fault, { kind: 'status' }>): Reply {
  if (fault.body !== undefined) {
    return {
      status: fault.status,
      body: fault.body,
      contentType: fault.contentType ?? sniff(fault.body),
    };
  }
  // The documented 429 body has no status field (§3).
  if (fault.status === 429) return json(429, { message: '1 per 1 second' });
  return apiError(fault.status, defaultMessage(fault.status));
}

function sniff(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Why `value` is not a valid Fault, or undefined if it is. Guards the `/__fake/fault` endpoint. */
export function faultProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected an object';
  const { path, method, times, kind } = value;
  if (path !== undefined && typeof path !== 'string') return 'path must be a string';
  if (method !== undefined && typeof method !== 'string') return 'method must be a string';
  if (times !== undefined && !(Number.isInteger(times) && (times as number) > 0)) {
    return 'times must be a positive integer';
  }
  switch (kind) {
    case 'status': {
      const { status, body, contentType } = value;
      if (!(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)) {
        return 'status must be an integer from 200 to 599';
      }
      if (body !== undefined && typeof body !== 'string') return 'body must be a string';
      if (contentType !== undefined && typeof contentType !== 'string') {
        return 'contentType must be a string';
      }
      return undefined;
    }
    case 'delay':
      return typeof value.ms === 'number' && value.ms >= 0 && Number.isFinite(value.ms)
        ? undefined
        : 'ms must be a non-negative number';
    case 'drop':
    case 'cut':
    case 'unreachable':
      return undefined;
    default:
      return 'kind must be one of status, delay, drop, cut, unreachable';
  }
}
