import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeOpenAi {
  /** base URL, `http://127.0.0.1:<port>/v1` */
  url: string
  /** every request body and its Authorization header, in order */
  requests: Array<{ path: string; authorization: string | undefined; body: unknown }>
  /** what the next chat completion answers with: the message content; 'hang' never answers */
  reply: string
  close: () => Promise<void>
}

/** For tests: a small OpenAI-compatible server on 127.0.0.1 (chat completions only). */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const hanging = new Set<ServerResponse>()
  const fake: FakeOpenAi = {
    url: '',
    requests: [],
    reply: '{}',
    close: () =>
      new Promise((done) => {
        for (const res of hanging) res.destroy()
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      fake.requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
      })
      if (fake.reply === 'hang') {
        hanging.add(res)
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          choices: [{ index: 0, message: { role: 'assistant', content: fake.reply } }],
        }),
      )
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  return fake
}
