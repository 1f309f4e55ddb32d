// A real HTTP receiver on 127.0.0.1 for the webhook tests (not app code): it
// records every request and answers with the next scripted status.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses to answer, in order; once used up, every request gets `fallback`. `body` replaces the default answer text. */
  script(statuses: number[], fallback?: number, body?: string): void;
  close(): Promise<void>;
}

export async function startTestReceiver(): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  let queue: number[] = [];
  let fallback = 200;
  let answer: string | undefined;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = queue.shift() ?? fallback;
      response.writeHead(status, { 'Content-Type': 'text/plain' }).end(answer ?? (status === 200 ? 'ok' : 'receiver says no'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    script(statuses, otherwise = 200, body) {
      queue = [...statuses];
      fallback = otherwise;
      answer = body;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
