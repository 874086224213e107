// WebDriver BiDi transport: numbered commands over the WebSocket, each with a timeout.

import type { WebSocketClient } from './websocket';

export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;

export type JsonObject = Record<string, unknown>;

interface Pending {
  method: string;
  resolve: (value: JsonObject) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closedReason: string | undefined;

  constructor(private readonly ws: WebSocketClient) {
    ws.onMessage = (text) => this.onMessage(text);
    ws.onClose = (reason) => {
      this.closedReason = reason;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`BiDi ${p.method}: connection closed (${reason})`));
        this.pending.delete(id);
      }
    };
  }

  send(
    method: string,
    params: JsonObject,
    timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
  ): Promise<JsonObject> {
    if (this.closedReason !== undefined) {
      return Promise.reject(new Error(`BiDi ${method}: connection closed (${this.closedReason})`));
    }
    const id = this.nextId++;
    return new Promise((resolvePromise, rejectPromise) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rejectPromise(new Error(`BiDi ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolvePromise, reject: rejectPromise, timer });
      try {
        this.ws.send(JSON.stringify({ id, method, params }));
      } catch (err) {
        clearTimeout(timer);
        this.pending.delete(id);
        rejectPromise(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  close(): void {
    this.ws.close();
  }

  destroy(): void {
    this.ws.destroy();
  }

  private onMessage(text: string): void {
    let msg: JsonObject;
    try {
      msg = JSON.parse(text) as JsonObject;
    } catch {
      return;
    }
    // Events (type: 'event') are not used by this driver.
    if (typeof msg.id !== 'number') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.type === 'success') {
      p.resolve((msg.result ?? {}) as JsonObject);
    } else {
      p.reject(new Error(`BiDi ${p.method} failed: ${String(msg.error)}: ${String(msg.message)}`));
    }
  }
}
