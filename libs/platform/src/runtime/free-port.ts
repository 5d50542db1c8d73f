import { createServer } from 'node:net';

function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

/** The preferred port when it is free, otherwise one the OS picks (0 means "any"). */
export async function freePort(preferred = 0): Promise<number> {
  const port = (preferred > 0 ? await tryListen(preferred) : null) ?? (await tryListen(0));
  if (port === null) throw new Error('No free TCP port on 127.0.0.1');
  return port;
}
