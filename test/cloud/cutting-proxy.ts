// A loopback TCP proxy in front of a real server that cuts connections on demand: after a given
// number of response bytes (a GET reset mid-body) or request bytes (an upload reset mid-part),
// for the next `times` connections that get that far. The server stays real; only the wire fails.

import { createConnection, createServer, type Socket } from 'node:net';

export interface CutRule {
  /** Cut after this many bytes from the server to the client. */
  downBytes?: number;
  /** Cut after this many bytes from the client to the server. */
  upBytes?: number;
  times: number;
}

export interface CuttingProxy {
  port: number;
  /** Replaces the rule; byte counts of open (kept-alive) connections start again from zero. */
  cut(rule: CutRule | undefined): void;
  /** Connections cut so far. */
  cuts(): number;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let rule: CutRule | undefined;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const counts = new Set<{ down: number; up: number }>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    const count = { down: 0, up: 0 };
    counts.add(count);
    const cutNow = () => {
      if (!rule || rule.times <= 0) return false;
      rule.times--;
      cuts++;
      client.resetAndDestroy();
      upstream.destroy();
      return true;
    };
    upstream.on('data', (chunk: Buffer) => {
      count.down += chunk.length;
      if (rule?.downBytes !== undefined && count.down > rule.downBytes && cutNow()) return;
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      count.up += chunk.length;
      if (rule?.upBytes !== undefined && count.up > rule.upBytes && cutNow()) return;
      upstream.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
      counts.delete(count);
    };
    for (const s of [client, upstream]) {
      s.on('error', close);
      s.on('close', close);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (typeof addr !== 'object' || !addr) throw new Error('proxy has no port');
  return {
    port: addr.port,
    cut(next) {
      rule = next && { ...next };
      for (const c of counts) c.down = c.up = 0;
    },
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
