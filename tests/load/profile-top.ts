// pnpm --filter @mockroom/load profile:top <file.cpuprofile> [N] — self time of a `node --cpu-prof`
// profile: the top N functions and the share of each area (storage, socket, yjs, logging, …).
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const file = process.argv[2]
if (!file) throw new Error('usage: profile-top <file.cpuprofile> [N]')
const top = Number(process.argv[3]?.startsWith('--') ? 25 : (process.argv[3] ?? 25))
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

// first matching rule names the area of a function, by its script URL or name
const areas: Array<[string, RegExp]> = [
  ['idle', /^\(idle\)$/],
  ['gc', /^\(garbage collector\)$/],
  ['storage', /better-sqlite3|kysely|packages\/store|updates-repo|sqlite/],
  ['logging', /pino|sampled-log|sonic-boom/],
  [
    'socket writes',
    /ws\/lib\/sender|stream_base|net\.js|writev|writeGeneric|_write|stream\/writable/,
  ],
  ['socket reads', /ws\/lib\/(receiver|websocket)|onStreamRead|permessage/],
  ['yjs', /\/yjs\/|\/lib0\/|y-protocols/],
  ['promises', /^\(program\)$|processTicksAndRejections|runMicrotasks|^(then|Promise|await)/],
  ['mockroom sync', /apps\/sync\/src|packages\/(session-model|access|protocol)/],
  ['rate limits', /rate-limiter-flexible/],
  ['node internals', /^node:|^internal\//],
]
const areaOf = (n: ProfileNode) => {
  const { url, functionName } = n.callFrame
  for (const [name, re] of areas) if (re.test(url) || re.test(functionName)) return name
  return url ? 'other' : 'natives'
}

// --from/--to S: only samples in that span (seconds from the profile's start), e.g. the steady
// window of bench:steady without start-up and connects; --timeline prints busy % per second
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? undefined : Number(process.argv[i + 1])
}
const from = (flag('from') ?? 0) * 1e6
const to = (flag('to') ?? Infinity) * 1e6
const idleIds = new Set(
  profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
)
const perSecond: number[] = []
const self = new Map<number, number>()
let t = 0
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0
  t += dt
  const second = Math.floor(t / 1e6)
  if (!idleIds.has(id)) perSecond[second] = (perSecond[second] ?? 0) + dt
  if (t >= from && t < to) self.set(id, (self.get(id) ?? 0) + dt)
})
if (process.argv.includes('--timeline'))
  console.log(
    `busy % per second: ${Array.from(perSecond, (us) => Math.round((us ?? 0) / 1e4)).join(' ')}\n`,
  )
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const byFunction = new Map<string, { us: number; area: string }>()
const byArea = new Map<string, number>()
let busy = 0
for (const [id, us] of self) {
  const node = byId.get(id)
  if (!node) continue
  const area = areaOf(node)
  byArea.set(area, (byArea.get(area) ?? 0) + us)
  if (area === 'idle') continue
  busy += us
  const { functionName, url, lineNumber } = node.callFrame
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/')}:${lineNumber + 1}`
  const entry = byFunction.get(key) ?? { us: 0, area }
  entry.us += us
  byFunction.set(key, entry)
}
const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`.padStart(6)
console.log(`busy ${(busy / 1e6).toFixed(2)} s (idle excluded)\n\nby area:`)
for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1]))
  if (area !== 'idle') console.log(`${pct(us)}  ${area}`)
console.log('(natives: V8/Node built-ins without a script, e.g. Set and Buffer methods)')
console.log(`\ntop ${top} functions by self time:`)
for (const [key, { us, area }] of [...byFunction].sort((a, b) => b[1].us - a[1].us).slice(0, top))
  console.log(`${pct(us)}  [${area}] ${key}`)
