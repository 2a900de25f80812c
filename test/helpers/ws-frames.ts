/**
 * A websocket spoken by hand over TCP, below the `ws` library, to send what no well-behaved
 * client library can: unmasked frames, reserved opcodes and bits, forged 64-bit lengths,
 * truncated frames. It performs a real upgrade (with the session cookie) first.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { docPath } from './urls';
import { sleep } from './wait';

export interface FrameOptions {
  opcode: number;
  payload?: Uint8Array;
  fin?: boolean;
  /** RSV1..3 bits, 0-7. */
  rsv?: number;
  /** Client frames must be masked; false sends an unmasked one. */
  mask?: boolean;
  /** Overrides the encoded payload length (the payload actually sent is unchanged). */
  declaredLength?: bigint;
}

/** Encodes one websocket frame as a client would (masked unless told otherwise). */
export function encodeFrame(options: FrameOptions): Buffer {
  const payload = Buffer.from(options.payload ?? new Uint8Array(0));
  const length = options.declaredLength ?? BigInt(payload.length);
  const mask = options.mask ?? true;
  const head: number[] = [((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | (options.opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126n) {
    head.push(maskBit | Number(length));
  } else if (length < 65536n) {
    head.push(maskBit | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  } else {
    head.push(maskBit | 127);
    for (let shift = 56n; shift >= 0n; shift -= 8n) head.push(Number((length >> shift) & 0xffn));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] as number)));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

export interface ServerFrameSeen {
  opcode: number;
  payload: Buffer;
}

/** A raw TCP connection upgraded to a websocket on /yjs/<doc>. */
export class RawTcpWebSocket {
  private buffer = Buffer.alloc(0);
  readonly frames: ServerFrameSeen[] = [];
  ended = false;
  readonly done: Promise<void>;

  private constructor(
    private readonly socket: net.Socket,
    rest: Buffer,
  ) {
    let resolveDone = (): void => {};
    this.done = new Promise((resolve) => {
      resolveDone = resolve;
    });
    socket.on('data', (chunk: Buffer) => this.feed(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.ended = true;
      resolveDone();
    });
    this.feed(rest);
  }

  /** Upgrades; rejects unless the server answers 101. */
  static connect(port: number, docName: string, cookie: string): Promise<RawTcpWebSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer): void => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const status = head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '';
        if (!status.startsWith('HTTP/1.1 101')) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${status}`));
          return;
        }
        resolve(new RawTcpWebSocket(socket, head.subarray(end + 4)));
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.write(
          `GET ${docPath(docName)} HTTP/1.1\r\n` +
            `Host: 127.0.0.1:${port}\r\n` +
            `Origin: http://127.0.0.1:${port}\r\n` +
            'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
            'Sec-WebSocket-Version: 13\r\n' +
            `Cookie: ${cookie}\r\n\r\n`,
        );
      });
    });
  }

  private feed(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const b0 = this.buffer[0] as number;
      const b1 = this.buffer[1] as number;
      let length = b1 & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      // Server frames are never masked.
      if (this.buffer.length < offset + length) return;
      this.frames.push({ opcode: b0 & 0x0f, payload: this.buffer.subarray(offset, offset + length) });
      this.buffer = this.buffer.subarray(offset + length);
    }
  }

  write(bytes: Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Half-closes our side (FIN) without a websocket close frame. */
  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** The close code of the server's close frame, if it sent one. */
  closeCode(): number | null {
    const close = this.frames.find((f) => f.opcode === 0x8);
    if (!close) return null;
    return close.payload.length >= 2 ? close.payload.readUInt16BE(0) : 1005;
  }

  /** Waits for the server to close the TCP connection; false on timeout. */
  async closedWithin(ms: number): Promise<boolean> {
    const result = await Promise.race([this.done.then(() => true), sleep(ms).then(() => false)]);
    return result;
  }
}
