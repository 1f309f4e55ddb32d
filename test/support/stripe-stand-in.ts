// A local stand-in for the few Stripe API endpoints the Stripe provider uses (not app code). The
// SDK reaches it through its documented host/port/protocol options. Each handler reads its request
// as the SDK's own params type and refuses one that lacks what our flow must send, so a request
// shape that drifts from what we rely on fails the tests (and a renamed param fails tsc).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stripe, StripeApiEndpoint } from '../../server/domain/stripe-payments';

/** How a saved test card behaves when charged. */
export type StandInCard = 'visa' | 'declines' | 'insufficient' | 'authentication';

interface Intent {
  id: string;
  amount: number;
  currency: string;
  customer: string;
  payment_method: string;
  status: Stripe.PaymentIntent.Status;
  capture_method: string;
  amount_received: number;
  refunded: number;
  metadata: Record<string, string>;
}

export interface StandInRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
}

type Params = Record<string, unknown>;
type Answer = { status: number; body: unknown };

class StandInError {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {}
}

/** Stripe's form encoding (`a[b]=1&c[0]=x`) back into objects; every value stays a string. */
function parseForm(body: string): Params {
  const out: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, '').split('[');
    let node = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Params;
    });
  }
  return out;
}

/** Fails the request when a param our flow must send is missing: keys typed by the SDK's params. */
function requireParams<P>(params: Params, keys: readonly (keyof P & string)[]): P {
  const missing = keys.filter((key) => params[key] === undefined || params[key] === '');
  if (missing.length)
    throw new StandInError(400, {
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: missing[0],
      message: `Missing ${missing.join(', ')}`,
    });
  return params as P;
}

export class StripeStandIn {
  readonly requests: StandInRequest[] = [];
  readonly intents = new Map<string, Intent>();
  readonly transfers: Stripe.TransferCreateParams[] = [];
  /** Transfer reversals (a refund after a Connect payout), with the transfer each takes from. */
  readonly transferReversals: { transfer: string; amount: number }[] = [];
  private readonly transferLeft = new Map<string, number>();
  readonly refunds: { id: string; payment_intent: string; amount: number }[] = [];
  /** Customers deleted (an account deleted here deletes its Customers there); a second delete answers resource_missing. */
  readonly deletedCustomers = new Set<string>();
  private readonly cards = new Map<string, { customer: string | null; kind: StandInCard }>();
  private readonly setupIntents = new Map<string, { customer: string; status: string; payment_method: string | null }>();
  private readonly idempotent = new Map<string, Answer>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly secretKey: string,
  ) {}

  static async start(secretKey = 'sk_test_standin0000'): Promise<StripeStandIn> {
    const server = createServer();
    const standIn = new StripeStandIn(server, secretKey);
    server.on('request', (req, res) => void standIn.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get endpoint(): StripeApiEndpoint {
    return { host: '127.0.0.1', port: (this.server.address() as AddressInfo).port, protocol: 'http' };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** What Stripe Elements does in the browser: the buyer's card confirms the SetupIntent. */
  confirmSetup(setupIntentId: string, kind: StandInCard): string {
    const setup = this.setupIntents.get(setupIntentId);
    if (!setup) throw new Error(`no setup intent ${setupIntentId}`);
    const pm = this.id('pm');
    this.cards.set(pm, { customer: setup.customer, kind });
    setup.status = 'succeeded';
    setup.payment_method = pm;
    return pm;
  }

  /** What stripe.handleNextAction does when the buyer passes (or fails) the bank's check. */
  completeAuthentication(paymentIntentId: string, passed = true): void {
    const intent = this.intents.get(paymentIntentId);
    if (intent?.status !== 'requires_action') throw new Error(`payment intent ${paymentIntentId} is ${intent?.status}`);
    intent.status = passed ? 'requires_capture' : 'requires_payment_method';
  }

  /** A card the buyer saved in their Customer (what Elements' confirmSetup leaves behind), without a SetupIntent. */
  addCard(customer: string, kind: StandInCard): string {
    const pm = this.id('pm');
    this.cards.set(pm, { customer, kind });
    return pm;
  }

  /** When true, every transfer reversal is refused as Stripe refuses one the connected account's balance cannot cover. */
  refuseReversals = false;

  private testDoor(method: string, path: string, params: Params, res: ServerResponse): void {
    const [, , what, id] = path.split('/');
    let body: unknown = null;
    let status = 200;
    try {
      if (method === 'POST' && what === 'cards') body = { id: this.addCard(String(params.customer), params.kind as StandInCard) };
      else if (method === 'POST' && what === 'authenticate' && id) {
        this.completeAuthentication(id, params.passed === 'true');
        body = { id, status: this.intents.get(id)?.status };
      } else status = 404;
    } catch (error) {
      status = 409;
      body = { error: String(error) };
    }
    // The bank's frame asks from the page's origin (through the browser test's route to api.stripe.com).
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  }

  count(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  private id(prefix: string): string {
    return `${prefix}_standin${++this.sequence}`;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const params = method === 'GET' ? parseForm(url.search.slice(1)) : parseForm(Buffer.concat(chunks).toString('utf8'));
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    // The test door: what the browser does at Stripe (a card saved through Elements, the bank's check), for a test in another process.
    if (url.pathname.startsWith('/__test/')) return this.testDoor(method, url.pathname, params, res);
    this.requests.push({ method, path: url.pathname, params, idempotencyKey });
    const replayKey = idempotencyKey && `${method} ${url.pathname} ${idempotencyKey}`;
    let answer = replayKey ? this.idempotent.get(replayKey) : undefined;
    if (!answer) {
      try {
        if (req.headers.authorization !== `Bearer ${this.secretKey}`)
          throw new StandInError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided' });
        answer = { status: 200, body: this.route(method, url.pathname, params) };
      } catch (error) {
        if (!(error instanceof StandInError)) throw error;
        answer = { status: error.status, body: { error: error.error } };
      }
      // Stripe replays the first answer to a repeated key, errors included.
      if (replayKey) this.idempotent.set(replayKey, answer);
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_${this.sequence}` });
    res.end(JSON.stringify(answer.body));
  }

  private route(method: string, path: string, params: Params): unknown {
    const [, , resource, id, action] = path.split('/');
    if (method === 'GET' && resource === 'account') return { id: 'acct_standin', object: 'account' };
    if (method === 'POST' && resource === 'customers' && !id)
      return { id: this.id('cus'), object: 'customer', metadata: params.metadata ?? {} };
    if (method === 'DELETE' && resource === 'customers' && id) {
      if (this.deletedCustomers.has(id))
        throw new StandInError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${id}'` });
      this.deletedCustomers.add(id);
      return { id, object: 'customer', deleted: true };
    }
    if (resource === 'setup_intents') return this.setupIntent(method, id, params);
    if (resource === 'payment_methods' && id) return this.paymentMethod(method, id, action, params);
    if (resource === 'payment_intents') return this.paymentIntent(method, id, action, params);
    if (method === 'POST' && resource === 'refunds') return this.refund(params);
    if (method === 'POST' && resource === 'transfers' && id && action === 'reversals') return this.reverseTransfer(id, params);
    if (method === 'POST' && resource === 'transfers') return this.transfer(params);
    throw new StandInError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` });
  }

  private setupIntent(method: string, id: string | undefined, params: Params): unknown {
    if (method === 'POST' && !id) {
      const p = requireParams<Stripe.SetupIntentCreateParams>(params, ['customer', 'usage']);
      if (p.usage !== 'off_session')
        throw new StandInError(400, { type: 'invalid_request_error', param: 'usage', message: 'off_session expected' });
      const seti = this.id('seti');
      this.setupIntents.set(seti, { customer: p.customer!, status: 'requires_payment_method', payment_method: null });
      return this.setupIntentObject(seti);
    }
    if (method === 'GET' && id && this.setupIntents.has(id)) return this.setupIntentObject(id);
    throw new StandInError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such setup_intent: '${id}'` });
  }

  private setupIntentObject(id: string): unknown {
    const s = this.setupIntents.get(id)!;
    return {
      id,
      object: 'setup_intent',
      client_secret: `${id}_secret_x`,
      customer: s.customer,
      status: s.status,
      payment_method: s.payment_method,
    };
  }

  private paymentMethod(method: string, id: string, action: string | undefined, params: Params): unknown {
    const card = this.cards.get(id);
    if (!card)
      throw new StandInError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such PaymentMethod: '${id}'` });
    if (method === 'POST' && action === 'attach')
      card.customer = requireParams<Stripe.PaymentMethodAttachParams>(params, ['customer']).customer ?? null;
    const last4 = { visa: '4242', declines: '0002', insufficient: '9995', authentication: '3184' }[card.kind];
    return {
      id,
      object: 'payment_method',
      type: 'card',
      customer: card.customer,
      card: { brand: 'visa', last4, exp_month: 12, exp_year: 2034 },
    };
  }

  private paymentIntent(method: string, id: string | undefined, action: string | undefined, params: Params): unknown {
    if (method === 'POST' && !id) return this.createIntent(params);
    const intent = id ? this.intents.get(id) : undefined;
    if (!intent)
      throw new StandInError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${id}'` });
    if (method === 'GET') return this.intentObject(intent);
    if (action === 'confirm') {
      requireParams<Stripe.PaymentIntentConfirmParams>(params, ['payment_method']);
      const card = this.cards.get(intent.payment_method)!;
      intent.status = card.kind === 'authentication' ? 'requires_action' : 'requires_capture';
      return this.intentObject(intent);
    }
    if (action === 'capture') {
      if (intent.status !== 'requires_capture')
        throw new StandInError(400, {
          type: 'invalid_request_error',
          code: 'payment_intent_unexpected_state',
          message: `status ${intent.status}`,
        });
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
      return this.intentObject(intent);
    }
    if (action === 'cancel') {
      if (intent.status === 'succeeded')
        throw new StandInError(400, { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: 'captured' });
      intent.status = 'canceled';
      return this.intentObject(intent);
    }
    throw new StandInError(404, { type: 'invalid_request_error', message: `no ${action}` });
  }

  private createIntent(params: Params): unknown {
    const p = requireParams<Stripe.PaymentIntentCreateParams>(params, [
      'amount',
      'currency',
      'customer',
      'payment_method',
      'capture_method',
      'confirm',
      'off_session',
    ]);
    if (p.capture_method !== 'manual')
      throw new StandInError(400, { type: 'invalid_request_error', param: 'capture_method', message: 'the flow authorizes first' });
    const card = this.cards.get(p.payment_method!);
    if (!card || card.customer !== p.customer)
      throw new StandInError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'payment_method',
        message: 'unknown card',
      });
    const intent: Intent = {
      id: this.id('pi'),
      amount: Number(p.amount),
      currency: String(p.currency),
      customer: String(p.customer),
      payment_method: String(p.payment_method),
      status: 'requires_capture',
      capture_method: 'manual',
      amount_received: 0,
      refunded: 0,
      metadata: (p.metadata ?? {}) as Record<string, string>,
    };
    this.intents.set(intent.id, intent);
    if (card.kind === 'visa') return this.intentObject(intent);
    intent.status = 'requires_payment_method';
    const code = card.kind === 'authentication' ? 'authentication_required' : 'card_declined';
    const decline_code =
      card.kind === 'insufficient' ? 'insufficient_funds' : card.kind === 'declines' ? 'generic_decline' : 'authentication_required';
    throw new StandInError(402, {
      type: 'card_error',
      code,
      decline_code,
      message: 'Your card was declined.',
      payment_intent: this.intentObject(intent),
    });
  }

  private intentObject(intent: Intent): unknown {
    return {
      ...intent,
      object: 'payment_intent',
      client_secret: `${intent.id}_secret_x`,
      next_action: intent.status === 'requires_action' ? { type: 'use_stripe_sdk', use_stripe_sdk: {} } : null,
    };
  }

  private refund(params: Params): unknown {
    const p = requireParams<Stripe.RefundCreateParams>(params, ['payment_intent', 'amount']);
    const intent = this.intents.get(p.payment_intent!);
    if (!intent || intent.status !== 'succeeded')
      throw new StandInError(400, { type: 'invalid_request_error', param: 'payment_intent', message: 'not captured' });
    const amount = Number(p.amount);
    if (intent.refunded + amount > intent.amount_received)
      throw new StandInError(400, {
        type: 'invalid_request_error',
        param: 'amount',
        message: 'Refund amount is greater than unrefunded amount',
      });
    intent.refunded += amount;
    const refund = { id: this.id('re'), payment_intent: intent.id, amount };
    this.refunds.push(refund);
    return { ...refund, object: 'refund', status: 'succeeded' };
  }

  private transfer(params: Params): unknown {
    const p = requireParams<Stripe.TransferCreateParams>(params, ['amount', 'currency', 'destination']);
    this.transfers.push(p);
    const id = this.id('tr');
    this.transferLeft.set(id, Number(p.amount));
    return { id, object: 'transfer', amount: Number(p.amount), currency: p.currency, destination: p.destination };
  }

  private reverseTransfer(transfer: string, params: Params): unknown {
    const p = requireParams<Stripe.TransferCreateReversalParams>(params, ['amount']);
    if (this.refuseReversals)
      throw new StandInError(400, {
        type: 'invalid_request_error',
        code: 'balance_insufficient',
        message: 'You have insufficient funds in your Stripe account for this transfer reversal.',
      });
    const left = this.transferLeft.get(transfer);
    if (left === undefined)
      throw new StandInError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such transfer: '${transfer}'` });
    const amount = Number(p.amount);
    if (!Number.isInteger(amount) || amount <= 0 || amount > left)
      throw new StandInError(400, {
        type: 'invalid_request_error',
        param: 'amount',
        message: 'Reversal amount is greater than what is left of the transfer',
      });
    this.transferLeft.set(transfer, left - amount);
    this.transferReversals.push({ transfer, amount });
    return { id: this.id('trr'), object: 'transfer_reversal', amount, transfer };
  }
}
