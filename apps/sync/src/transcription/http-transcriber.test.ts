import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { httpTranscriber } from './http-transcriber'

describe('httpTranscriber', () => {
  it('posts the audio to an OpenAI-compatible endpoint and maps verbose_json segments', async () => {
    let seen = ''
    const api = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString('latin1')))
      req.on('end', () => {
        seen = `${req.headers.authorization} ${body.includes('verbose_json')} ${body.includes('whisper-1')}`
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            segments: [
              { start: 1.5, end: 3, text: ' Hello there ' },
              { start: 3, end: 4, text: ' ' },
            ],
          }),
        )
      })
    })
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()))
    const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1/audio/transcriptions`
    const segments = await httpTranscriber(url, { apiKey: 'k' }).transcribe({
      audio: new Uint8Array([1, 2, 3]),
      mimeType: 'audio/wav',
      sessionId: 's',
      speaker: { participantId: 'p', name: 'n', role: 'candidate' },
    })
    api.close()
    expect(seen).toBe('Bearer k true true')
    expect(segments).toEqual([{ offsetMs: 1500, durationMs: 1500, text: 'Hello there' }])
  })
})
