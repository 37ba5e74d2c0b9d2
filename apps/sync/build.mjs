// Bundles the sync server into dist/ (git-ignored) so a production start runs plain JavaScript:
// no TypeScript loader at run time, one file to parse. `pnpm start` runs this first.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

// stale chunks of an earlier build would stay beside the new ones
rmSync(join(here, 'dist'), { recursive: true, force: true })

await build({
  // the transcription worker is a process of its own (forked by main at the lowest priority)
  entryPoints: {
    main: join(here, 'src/main.ts'),
    'transcription-worker': join(here, 'src/transcription/transcription-worker.ts'),
  },
  outdir: join(here, 'dist'),
  bundle: true,
  splitting: true, // lazily imported modules (PostgreSQL, LiveKit) become chunks loaded on use
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // for `node --enable-source-maps dist/main.js` when debugging (it costs RSS: docs/performance.md)
  sourcemap: true,
  // a native addon, and packages that load files of their own at run time
  external: ['better-sqlite3', 'pino', 'ws', 'pg-native', '@huggingface/transformers'],
  // CommonJS dependencies inside an ES module bundle still call require()
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
