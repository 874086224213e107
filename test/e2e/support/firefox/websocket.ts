// Minimal WebSocket client (RFC 6455), client side only: text frames, masking,
// fragmentation, ping/pong and close on top of node:http's upgrade. Firefox's
// remote agent speaks WebDriver BiDi over it.

import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class WebSocketClient {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closeSent = false;
  private closed = false;
  onMessage: (text: string) => void = () => {};
  onClose: (reason: string) => void = () => {};

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    // Pending commands keep the event loop alive through their timeout timers;
    // an idle connection must not keep a script that forgot close() running.
    socket.unref();
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.finish('socket closed'));
    socket.on('error', (err) => this.finish(`socket error: ${err.message}`));
  }

  static connect(url: string, timeoutMs: number): Promise<WebSocketClient> {
    const u = new URL(url);
    const key = randomBytes(16).toString('base64');
    const expected = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    return new Promise((resolvePromise, rejectPromise) => {
      const req = request({
        host: u.hostname,
        port: Number(u.port),
        path: `${u.pathname}${u.search}`,
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Key': key,
          'Sec-WebSocket-Version': '13',
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        rejectPromise(new Error(`WebSocket connect to ${url} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('upgrade', (res, socket, head) => {
        clearTimeout(timer);
        if (res.headers['sec-websocket-accept'] !== expected) {
          socket.destroy();
          rejectPromise(new Error(`WebSocket handshake with ${url}: bad Sec-WebSocket-Accept`));
          return;
        }
        const client = new WebSocketClient(socket);
        if (head.length > 0) client.onData(head);
        resolvePromise(client);
      });
      req.on('response', (res) => {
        clearTimeout(timer);
        res.resume();
        rejectPromise(new Error(`WebSocket handshake with ${url}: HTTP ${res.statusCode}`));
      });
      req.on('error', (err) => {
        clearTimeout(timer);
        rejectPromise(new Error(`WebSocket connect to ${url}: ${err.message}`));
      });
      req.end();
    });
  }

  send(text: string): void {
    if (this.closed || this.closeSent) throw new Error('WebSocket is closed');
    this.writeFrame(0x1, Buffer.from(text, 'utf8'));
  }

  close(): void {
    if (this.closed) return;
    if (!this.closeSent) {
      this.closeSent = true;
      const body = Buffer.alloc(2);
      body.writeUInt16BE(1000);
      this.writeFrame(0x8, body);
    }
    // Do not wait for the peer's close frame forever.
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  destroy(): void {
    this.socket.destroy();
    this.finish('destroyed');
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(reason);
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    const len = payload.length;
    let header: Buffer;
    if (len < 126) {
      header = Buffer.alloc(2);
      header[1] = 0x80 | len;
    } else if (len < 0x10000) {
      header = Buffer.alloc(4);
      header[1] = 0x80 | 126;
      header.writeUInt16BE(len, 2);
    } else {
      header = Buffer.alloc(10);
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(len), 2);
    }
    header[0] = 0x80 | opcode;
    const mask = randomBytes(4);
    const masked = Buffer.alloc(len);
    for (let i = 0; i < len; i++) masked[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
    this.socket.write(Buffer.concat([header, mask, masked]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const buf = this.buffer;
      if (buf.length < 2) return;
      const b0 = buf[0] ?? 0;
      const b1 = buf[1] ?? 0;
      const fin = (b0 & 0x80) !== 0;
      const opcode = b0 & 0x0f;
      const masked = (b1 & 0x80) !== 0;
      let len = b1 & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        offset = 10;
      }
      let mask: Buffer | undefined;
      if (masked) {
        if (buf.length < offset + 4) return;
        mask = buf.subarray(offset, offset + 4);
        offset += 4;
      }
      if (buf.length < offset + len) return;
      let payload = buf.subarray(offset, offset + len);
      this.buffer = buf.subarray(offset + len);
      if (mask) {
        const unmasked = Buffer.alloc(len);
        for (let i = 0; i < len; i++) unmasked[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
        payload = unmasked;
      }
      this.onFrame(fin, opcode, payload);
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case 0x0: // continuation
      case 0x1: // text
      case 0x2: // binary
        this.fragments.push(Buffer.from(payload));
        if (fin) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          this.onMessage(text);
        }
        return;
      case 0x8: // close
        if (!this.closeSent) {
          this.closeSent = true;
          this.writeFrame(0x8, payload.subarray(0, 2));
        }
        this.socket.end();
        this.finish('closed by peer');
        return;
      case 0x9: // ping
        if (!this.closeSent) this.writeFrame(0xa, payload);
        return;
      default: // pong and reserved opcodes
        return;
    }
  }
}
