import net from 'node:net'

// A TCP hop that a test can cut: in front of a real service (PostgreSQL or Redis unreachable) or of
// several instances (a round-robin balancer that skips dead ones). Used by the sync cluster suites
// and the cluster e2e suite alike.

export interface TcpProxy {
  port: number
  /** resets every open connection and every new one until `restore()` */
  cut(): void
  /**
   * A silent outage: bytes stop flowing both ways on every connection (open or new) and closes
   * are held back, so neither end sees an error or a close until `restore()`.
   */
  stall(): void
  restore(): void
  close(): Promise<void>
}

/** `targets` are tried in turn per connection (round robin), skipping those that refuse. */
export async function startTcpProxy(
  targets: () => ReadonlyArray<{ host?: string; port: number }>,
): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>()
  let cutOff = false
  let stalled = false
  // closes that happen during a stall reach the other end only when it ends
  let heldCloses: Array<() => void> = []
  const whenFlowing = (act: () => void) => (stalled ? heldCloses.push(act) : act())
  const flow = (pair: { client: net.Socket; upstream: net.Socket }) => {
    pair.client.pipe(pair.upstream)
    pair.upstream.pipe(pair.client)
  }
  let turn = 0
  const server = net.createServer((client) => {
    if (cutOff) return client.resetAndDestroy()
    sockets.add(client)
    client.once('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const all = targets()
    const tryTarget = (attempt: number) => {
      const target = all[turn++ % all.length]
      if (attempt >= all.length || !target) return client.destroy()
      const upstream = net.connect(target.port, target.host ?? '127.0.0.1')
      let connected = false
      upstream.once('connect', () => {
        connected = true
        sockets.add(upstream)
        upstream.once('close', () => sockets.delete(upstream))
        const pair = { client, upstream }
        pairs.add(pair)
        if (!stalled) flow(pair)
        upstream.on('close', () => {
          pairs.delete(pair)
          whenFlowing(() => client.destroy())
        })
        client.on('close', () => {
          pairs.delete(pair)
          whenFlowing(() => upstream.destroy())
        })
      })
      upstream.on('error', () => {
        upstream.destroy()
        if (connected) client.destroy()
        else tryTarget(attempt + 1)
      })
    }
    tryTarget(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cutOff = true
      for (const s of sockets) s.resetAndDestroy()
    },
    stall() {
      stalled = true
      for (const { client, upstream } of pairs) {
        client.unpipe(upstream)
        upstream.unpipe(client)
        client.pause()
        upstream.pause()
      }
    },
    restore() {
      cutOff = false
      if (!stalled) return
      stalled = false
      for (const pair of pairs) flow(pair)
      const closes = heldCloses
      heldCloses = []
      for (const close of closes) close()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
