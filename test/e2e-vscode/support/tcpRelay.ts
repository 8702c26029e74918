import { connect, createServer, type Socket } from 'node:net';

// A TCP relay on loopback in front of the emulator's MQTT port: every byte is passed on unchanged to the real broker.
// holdNext() keeps the next client waiting before its bytes (its CONNECT) go on, so a test can change the emulator
// between the moment a client computed its credentials and the moment the broker judges them — deterministically.

export interface TcpRelay {
  readonly port: number;
  /** The next connection waits: `arrived` resolves when it is here, `release()` lets its bytes through. */
  holdNext(): { readonly arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

export async function startTcpRelay(targetPort: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  let hold: { arrived: () => void; released: Promise<void> } | undefined;
  const pipe = (client: Socket) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
    client.resume();
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.pause();
    const held = hold;
    hold = undefined;
    if (!held) return pipe(client);
    held.arrived();
    void held.released.then(() => pipe(client));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    holdNext() {
      let arrived!: () => void;
      let release!: () => void;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { arrived, released };
      return { arrived: arrival, release };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
