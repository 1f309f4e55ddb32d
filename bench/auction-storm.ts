// Auction storm: B bidders (1,000 by default) joined to a live show bid on one
// auction at once. Each sends a maximum (proxy bid, a random amount) and then
// one-tap bids at the next price it last saw, R rounds in all, each waiting for
// its previous answer. Every bid is one statement on the auction's row, so this
// measures how fast that row takes bids and what a bidder waits for its answer.
// Then the auction is made to end and is settled: exactly one order must follow,
// and the show's audit chain must verify. BENCH_BIDDERS=B, BENCH_ROUNDS=R.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { AuctionView } from '../server/domain/auctions';
import { verifyChain, type ShowAuditEntry } from '../server/domain/audit';
import { ask, connect, connectMany, percentile, processUsage, record, sessionCookie, startBenchServer, table } from './support/harness';
import { emitResult } from './support/results';

const BIDDERS = Number(process.env.BENCH_BIDDERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const START = 1000;
const STEP = 100;

type BidAnswer = { ok: true; bid: { auction: AuctionView; leading: boolean } } | { ok: false; error: { code: string } };

const server = await startBenchServer();
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
try {
  const run = `au${Date.now().toString(36)}`;
  const ids = Array.from({ length: BIDDERS }, (_, i) => `${run}_${i}`);
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash") SELECT id, id || '@bench.live', 'Bench Bidder', 'x' FROM unnest($1::text[]) AS id`,
    [ids],
  );
  await db.query(
    `INSERT INTO "Address" (id, "userId", "fullName", line1, city, country, "isDefault") SELECT 'a_' || id, id, 'Bench Bidder', '1 Bench St', 'Ulaanbaatar', 'MN', true FROM unnest($1::text[]) AS id`,
    [ids],
  );
  await db.query(
    `INSERT INTO "PaymentMethod" (id, "userId", provider, token, brand, last4, "expMonth", "expYear", "isDefault")
     SELECT 'pm_' || id, id, 'test', 'tok_test_visa_4242', 'visa', '4242', 1, 2099, true FROM unnest($1::text[]) AS id`,
    [ids],
  );
  const host = await connect(server, await sessionCookie(server, { id: server.hostId, name: 'Host' }));
  await ask(host, 'show:join', { showId: server.showId });
  const bidders = await connectMany(server, BIDDERS, (i) => sessionCookie(server, { id: ids[i]!, name: 'Bench Bidder' }));
  for (let i = 0; i < bidders.length; i += 100)
    await Promise.all(bidders.slice(i, i + 100).map((s) => ask(s, 'show:join', { showId: server.showId })));

  const started = await ask<{ ok: true; auction: AuctionView } | { ok: false; error: { code: string } }>(host, 'auction:start', {
    showId: server.showId,
    variantId: server.variantId,
    startPriceMinor: START,
    incrementMinor: STEP,
    durationSeconds: 120,
  });
  if (!started.ok) throw new Error(`auction:start refused: ${started.error.code}`);
  const auctionId = started.auction.id;
  let seenNext = started.auction.nextBidMinor;
  for (const s of bidders)
    s.on('auction:bid', (e) => {
      if (e.auctionId === auctionId) seenNext = Math.max(seenNext, e.nextBidMinor);
    });

  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  const cpuBefore = processUsage(server.process.pid!).cpuSeconds;
  const t0 = performance.now();
  await Promise.all(
    bidders.map(async (socket) => {
      for (let round = 0; round < ROUNDS; round++) {
        const proxy = round === 0;
        const amount = proxy ? START + STEP * (1 + Math.floor(Math.random() * 200)) : seenNext;
        const sent = performance.now();
        const answer = await ask<BidAnswer>(socket, proxy ? 'auction:setMax' : 'auction:bid', {
          showId: server.showId,
          auctionId,
          ...(proxy ? { maxMinor: amount } : { amountMinor: amount }),
          idempotencyKey: randomUUID(),
        });
        latencies.push(performance.now() - sent);
        const code = answer.ok ? 'accepted' : answer.error.code;
        codes[code] = (codes[code] ?? 0) + 1;
        if (answer.ok) seenNext = Math.max(seenNext, answer.bid.auction.nextBidMinor);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const stormCpu = processUsage(server.process.pid!).cpuSeconds - cpuBefore;
  latencies.sort((a, b) => a - b);

  // The end: moved to now, then the server's timer or sweep settles it.
  const ended = new Promise<{ result: string }>((resolve) =>
    bidders[0]!.on('auction:ended', (e) => e.auctionId === auctionId && resolve(e)),
  );
  await db.query(`UPDATE "Auction" SET "endsAt" = (clock_timestamp() AT TIME ZONE 'UTC') WHERE id = $1`, [auctionId]);
  const result = await Promise.race([ended, new Promise<{ result: string }>((r) => setTimeout(() => r({ result: 'TIMEOUT' }), 30_000))]);

  const { rows: auctionRows } = await db.query<{ bidCount: number; status: string; priceMinor: number; leaderId: string }>(
    `SELECT "bidCount", status, "priceMinor", "leaderId" FROM "Auction" WHERE id = $1`,
    [auctionId],
  );
  const auction = auctionRows[0]!;
  const { rows: bidRows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuctionBid" WHERE "auctionId" = $1`, [
    auctionId,
  ]);
  const { rows: orders } = await db.query<{ buyerId: string; status: string }>(
    `SELECT "buyerId", status::text FROM "Order" WHERE source = 'AUCTION' AND "buyerId" LIKE $1`,
    [`${run}_%`],
  );
  const { rows: entries } = await db.query<ShowAuditEntry>(
    `SELECT seq, kind, to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, data, "prevHash", hash FROM "ShowAuditEntry" WHERE "showId" = $1 ORDER BY seq`,
    [server.showId],
  );
  const chain = verifyChain(server.showId, entries);
  const violations =
    (auction.bidCount === bidRows[0]!.n ? 0 : 1) +
    (orders.length === 1 && orders[0]!.buyerId === auction.leaderId && orders[0]!.status === 'PAID' ? 0 : 1) +
    (chain.ok ? 0 : 1) +
    (result.result === 'SOLD' ? 0 : 1);
  const bidsPerSecond = latencies.length / seconds;
  const acceptedPerSecond = (codes.accepted ?? 0) / seconds;
  const row = {
    bidders: BIDDERS,
    bids: latencies.length,
    accepted: codes.accepted ?? 0,
    refusals: Object.entries(codes)
      .filter(([c]) => c !== 'accepted')
      .map(([c, n]) => `${c} ${n}`)
      .join(', '),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    bidsPerSecond,
    acceptedPerSecond,
  };
  console.log(row);
  const body = [
    `${BIDDERS} bidders joined to one live show; each sends a maximum (a proxy bid of a random amount), then ${ROUNDS - 1} one-tap bid(s) at the next price it last saw, each after the previous answer. Latency is from emit to acknowledgement. Then the end is moved to now and the server settles the auction; correctness is read from the database: bid rows = bid count, exactly one paid order for the leader, the show's audit chain verifies, \`auction:ended\` says SOLD.`,
    '',
    table(
      [
        'bidders',
        'bids',
        'accepted',
        'refused',
        'ack p50 ms',
        'ack p95 ms',
        'ack p99 ms',
        'bids/s',
        'accepted/s',
        'server CPU s (storm)',
        'final price',
        'result',
        'orders',
        'audit entries',
        'chain',
        'violations',
      ],
      [
        [
          BIDDERS,
          row.bids,
          row.accepted,
          row.refusals || '—',
          row.p50.toFixed(0),
          row.p95.toFixed(0),
          row.p99.toFixed(0),
          bidsPerSecond.toFixed(0),
          acceptedPerSecond.toFixed(0),
          stormCpu.toFixed(1),
          auction.priceMinor,
          result.result,
          orders.length,
          entries.length,
          chain.ok ? 'verifies' : `fails at ${chain.seq}`,
          violations,
        ],
      ],
    ),
  ].join('\n');
  const where = record('Auction storm', `npm run bench:auction${process.env.BENCH_BIDDERS ? ` (BENCH_BIDDERS=${BIDDERS})` : ''}`, body);
  const params = { bidders: BIDDERS };
  emitResult({
    benchmark: 'auction-storm',
    ...where,
    figures: [
      { name: 'bid ack p99', value: row.p99, unit: 'ms', params, samples: latencies.length },
      { name: 'bids/s', value: bidsPerSecond, unit: 'bids/s', params },
      { name: 'correctness violations', value: violations, unit: 'count', params },
    ],
  });
  host.disconnect();
  for (const s of bidders) s.disconnect();
} finally {
  await db.end();
  await server.stop();
}
process.exit(0);
