import type { ServerResponse } from 'node:http';

interface Client {
  res: ServerResponse;
  buffer: string[];
  waiting: boolean;
  dropped: number;
}

export interface EventHubOptions {
  /** Events kept per slow client; beyond it they are dropped and the client told (event: dropped). */
  maxBuffer: number;
  heartbeatMs: number;
}

/**
 * Server-sent events to the console: each client has a bounded buffer used while its socket is congested; what does
 * not fit is dropped, counted and announced. A heartbeat comment keeps proxies from closing idle streams.
 */
export class EventHub {
  private readonly clients = new Set<Client>();
  private readonly timer: NodeJS.Timeout;
  dropped = 0;

  constructor(private readonly o: EventHubOptions) {
    this.timer = setInterval(() => this.broadcast(': heartbeat\n\n'), o.heartbeatMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const c: Client = { res, buffer: [], waiting: false, dropped: 0 };
    this.clients.add(c);
    res.on('close', () => this.clients.delete(c));
    this.send(c, ': connected\n\n');
  }

  publish(event: string, data: unknown): void {
    this.broadcast(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private broadcast(text: string): void {
    for (const c of this.clients) this.send(c, text);
  }

  private send(c: Client, text: string): void {
    if (c.waiting) {
      if (c.buffer.length >= this.o.maxBuffer) {
        c.dropped++;
        this.dropped++;
      } else c.buffer.push(text);
      return;
    }
    if (!c.res.write(text)) {
      c.waiting = true;
      c.res.once('drain', () => this.flush(c));
    }
  }

  private flush(c: Client): void {
    c.waiting = false;
    const pending = c.buffer.splice(0);
    if (c.dropped > 0) {
      pending.unshift(`event: dropped\ndata: ${JSON.stringify({ count: c.dropped })}\n\n`);
      c.dropped = 0;
    }
    for (const t of pending) this.send(c, t);
  }

  close(): void {
    clearInterval(this.timer);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }
}
