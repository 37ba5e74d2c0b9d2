import { connect, createServer, type Server, type Socket } from 'node:net'

// A TCP hop in front of a real service (PostgreSQL for the cluster suite) that a test can cut:
// open connections are reset and new ones refused, as when the database host becomes unreachable.

export interface TcpProxy {
  port: number
  /** resets every connection and stops listening */
  cut(): Promise<void>
  /** listens again on the same port */
  restore(): Promise<void>
}

export async function startTcpProxy(host: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>()
  let server: Server | null = null
  const track = (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => s.destroy())
  }
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(targetPort, host)
        track(client)
        track(upstream)
        client.pipe(upstream).on('close', () => client.destroy())
        upstream.pipe(client).on('close', () => upstream.destroy())
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
      })
      s.once('error', reject)
      s.listen(port, '127.0.0.1', () => {
        server = s
        resolve((s.address() as { port: number }).port)
      })
    })
  const port = await listen(0)
  return {
    port,
    cut: async () => {
      const s = server
      server = null
      for (const socket of sockets) socket.resetAndDestroy()
      if (s) await new Promise<void>((done) => s.close(() => done()))
    },
    restore: async () => {
      await listen(port)
    },
  }
}
