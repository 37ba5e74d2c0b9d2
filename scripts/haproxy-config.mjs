// The HAProxy configuration of a Mockroom cluster: one origin serves the pages (web instances)
// and the sync WebSocket under /sync (sync instances). `pnpm start:cluster` renders it with its
// ports; deploy/haproxy.cfg is the same text rendered with the defaults (a test keeps them equal).

/** The ports `pnpm start:cluster` uses around the balancer's PORT. */
export function clusterPorts(port, counts = { web: 2, sync: 2 }) {
  const range = (n, from) => Array.from({ length: n }, (_, i) => from + i)
  return { port, web: range(counts.web, port + 1), sync: range(counts.sync, port + 11) }
}

const server = (prefix) => (p, i) => `  server ${prefix}${i + 1} 127.0.0.1:${p} check`

/**
 * @param {{ port: number, web: number[], sync: number[], statsSocket?: string }} c
 */
export function haproxyConfig(c) {
  const socket = c.statsSocket ?? '/run/haproxy/mockroom-admin.sock'
  return `# Mockroom behind HAProxy (Debian's haproxy 2.6+): pages and the sync WebSocket on one origin.
# Rendered by scripts/haproxy-config.mjs; \`pnpm start:cluster\` runs the same with its own ports.
global
  # no maxconn: HAProxy derives it from the file-descriptor limit it is given
  # the runtime API: add or drain instances without a reload (docs/operations.md, "Adding an instance")
  stats socket ${socket} mode 600 level admin

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout http-request 10s
  timeout queue 5s
  # An upgraded WebSocket is a tunnel. The sync server pings a socket silent for 1.5 s and drops
  # it after 3.5 s, so a live tunnel is never quiet for a minute: 60 s only reaps dead ones.
  timeout tunnel 60s
  timeout client-fin 5s
  timeout server-fin 5s
  # A request a dead instance never answered is retried on another one, not shown to the browser:
  # refused connections, and requests sent on a kept-alive connection that the instance's death
  # closed before a byte came back (a POST retried that way may run twice: at worst a second room
  # or participant row that nobody was told about).
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response
  # health: /healthz answers 200 only while the instance's store and Redis answer
  option httpchk GET /healthz
  http-check expect status 200
  timeout check 3s
  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2

frontend mockroom
  bind :${c.port}
  option forwardfor
  # metrics are per instance: scrape each instance directly, never through the balancer
  http-request deny deny_status 404 if { path /metrics } || { path /sync/metrics }
  use_backend sync if { path_beg /sync/ }
  default_backend web

# round robin, no stickiness: every instance serves every room (shared store, Redis fan-out)
backend web
  balance roundrobin
${c.web.map(server('web')).join('\n')}

backend sync
  balance roundrobin
  # the browser dials /sync/<sessionId>/<document>; a sync instance knows <sessionId>/<document>
  http-request set-path %[path,regsub(^/sync/,/)]
${c.sync.map(server('sync')).join('\n')}
`
}
