import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepsFigures, phraseWithLlm, phrasingFrom } from './phrasing';

// A tiny OpenAI-compatible endpoint on a free port: it answers whatever the test sets next.
let server: Server;
let url: string;
let nextContent = '';
let lastBody: { model?: string; messages?: { role: string; content: string }[] } = {};
let lastAuth: string | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      lastBody = JSON.parse(raw) as typeof lastBody;
      lastAuth = req.headers.authorization;
      if (nextContent === 'FAIL') {
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: nextContent } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const plain = 'Dewy Glow Serum 50 ml is $41.00 in the deal running now (regular price $54.00).';

describe('optional LLM phrasing', () => {
  it('is off unless ASSISTANT_LLM_URL is set', () => {
    expect(phrasingFrom({ ASSISTANT_LLM_MODEL: 'm' })).toBeNull();
    expect(phrasingFrom({ ASSISTANT_LLM_URL: url, ASSISTANT_LLM_KEY: 'k', ASSISTANT_LLM_MODEL: 'm' })).toEqual({
      url,
      key: 'k',
      model: 'm',
    });
  });

  it('uses the rephrased text when every figure is unchanged, sending the model and key', async () => {
    nextContent = 'Good news! The Dewy Glow Serum 50 ml is $41.00 in today’s deal, down from $54.00.';
    expect(await phraseWithLlm({ url, key: 'secret', model: 'tiny' }, plain, 'en')).toBe(nextContent);
    expect(lastBody.model).toBe('tiny');
    expect(lastAuth).toBe('Bearer secret');
    expect(lastBody.messages?.[1]?.content).toBe(plain);
  });

  it('keeps the plain answer when the model changed a price', async () => {
    nextContent = 'The Dewy Glow Serum 50 ml is only $39.00 today (regular price $54.00)!';
    expect(await phraseWithLlm({ url, model: 'tiny' }, plain, 'en')).toBe(plain);
  });

  it('keeps the plain answer when the model added a figure or dropped one', async () => {
    nextContent = 'Serum 50 ml: $41.00, 2 left!, regular price $54.00.';
    expect(await phraseWithLlm({ url, model: 'tiny' }, plain, 'en')).toBe(plain);
    nextContent = 'The serum is on a great deal now.';
    expect(await phraseWithLlm({ url, model: 'tiny' }, plain, 'en')).toBe(plain);
  });

  it('keeps the plain answer when the endpoint fails or is unreachable', async () => {
    nextContent = 'FAIL';
    expect(await phraseWithLlm({ url, model: 'tiny' }, plain, 'en')).toBe(plain);
    expect(await phraseWithLlm({ url: 'http://127.0.0.1:9/v1', model: 'tiny' }, plain, 'en')).toBe(plain);
  });

  it('compares figures as written, so "$41.00" and "$41" differ', () => {
    expect(keepsFigures('costs $41.00', 'now just $41.00')).toBe(true);
    expect(keepsFigures('costs $41.00', 'now just $41')).toBe(false);
  });
});
