// The shop assistant in a live show (issue 19 items 1 and 2): a viewer's question in, a typed reply out.
//
// `answer(ctx, text)` is the one step that turns a question into a reply; the assistant-brain work has
// its own (catalog and FAQ answers in four languages) and takes this one's place there. Everything
// around it (the switch, the confirmation cards, the handoff to the host's Q&A, the socket events)
// keeps working with either. Amounts always come from the database at the moment of the answer, and a
// card fixes only what one tap buys (variant, quantity, the deal); the order path prices it again.
import { LOCALES, type Locale } from '@/app/_i18n/locales';
import { MESSAGES } from '@/app/_i18n/messages';
import { getBag, setBagItem } from '../bag';
import type { Actor, Db } from '../context';
import { AppError, toErrorPayload, type ErrorPayload } from '../errors';
import { placeShowOrder, type SharedTaps } from '../orders';
import { localizeProducts } from '../product-content';
import type { PaymentProvider } from '../payments';
import { shippingFor } from '../pricing';
import { askQuestion, type QuestionView } from '../questions';
import { activeDeal, type DealView, requireModerator } from '../shows';
import { asciiDigits, withLocalKeywords } from './local-keywords';
import { answerQuestion } from './answer';
import type { Phrasing } from './phrasing';
import { understand } from './understand';
import type { Understanding } from './understanding';

export interface AssistantContext {
  db: Db;
  asker: Actor;
  showId: string;
  /** The asker's page language: what the reply is shown in, and the engine's fallback. */
  pageLocale: Locale;
  /** The optional language model that may reword a plain answer (ASSISTANT_LLM_URL; phrasing.ts). */
  phrasing?: Phrasing | null;
}

export interface AssistantVariant {
  id: string;
  name: string;
  priceMinor: number;
  /** The running flash deal's price for this variant; null without one. */
  dealPriceMinor: number | null;
  stock: number;
}

/** The product card a reply speaks of. */
export interface AssistantProduct {
  id: string;
  title: string;
  description: string;
  imageUrl: string | null;
  currency: string;
  variants: AssistantVariant[];
}

/** What one tap on "Confirm" buys, priced now; the order path prices it again when it is confirmed. */
export interface ConfirmationCard {
  id: string;
  product: { id: string; title: string; imageUrl: string | null };
  variantId: string;
  variantName: string;
  quantity: number;
  unitPriceMinor: number;
  regularUnitPriceMinor: number;
  dealId: string | null;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  currency: string;
}

export type AnswerTopic = 'price' | 'stock' | 'sizes' | 'materials' | 'what_is_this' | 'deal';

export type AssistantReply =
  | { kind: 'answer'; topic: AnswerTopic; product: AssistantProduct }
  | { kind: 'shipping'; currency: string; flatMinor: number; freeOverMinor: number | null }
  | { kind: 'buy_proposal'; card: ConfirmationCard }
  | { kind: 'add_to_bag'; product: AssistantProduct; variantName: string; quantity: number; bagItemCount: number }
  | { kind: 'coupon'; code: string; discountMinor: number; totalMinor: number; currency: string; bagItemCount: number }
  /** No product pinned or named: the reply asks which one, listing the lineup. */
  | { kind: 'which_product'; products: { id: string; title: string }[] }
  | { kind: 'greeting' }
  /** An answer worded by the engine from the brand's FAQ and policies (answer.ts), in the asker's language. */
  | { kind: 'text'; text: string }
  /** A question about the asker's own orders: each order's page answers it, with the action it allows (order-help). */
  | { kind: 'order_help' }
  /** The assistant does not know: the question went to the host's Q&A (null when Q&A refused it). */
  | { kind: 'handoff'; question: QuestionView | null }
  /** A typed refusal of what was asked (SOLD_OUT, COUPON_INVALID, BAG_WHILE_LIVE, …). */
  | { kind: 'refusal'; error: ErrorPayload };

/** Replies that concern the asker only (their bag, their order): never shown to the whole chat. */
export function isPersonalReply(reply: AssistantReply): boolean {
  return (
    reply.kind === 'buy_proposal' ||
    reply.kind === 'add_to_bag' ||
    reply.kind === 'coupon' ||
    reply.kind === 'refusal' ||
    reply.kind === 'order_help'
  );
}

// What a viewer types to address the assistant in public chat, in each language's own script: set in the
// dictionaries (assistant.mention), where the Ask panel's hint reads it too; any language's mention works.
export const ASSISTANT_MENTIONS = LOCALES.map((locale) => MESSAGES[locale].assistant.mention);
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MENTION = new RegExp(`^\\s*(${ASSISTANT_MENTIONS.map(escaped).join('|')})(?=\\s|[,:!?]|$)[\\s,:]*`, 'iu');

/** The question in a chat line that addresses the assistant, or null when it does not. */
export function questionInChat(text: string): string | null {
  const match = MENTION.exec(text);
  if (!match) return null;
  const question = text.slice(match[0].length).trim();
  return question || null;
}

const productSelect = {
  id: true,
  title: true,
  description: true,
  imageUrl: true,
  status: true,
  variants: { select: { id: true, name: true, priceMinor: true, currency: true, stock: true }, orderBy: { priceMinor: 'asc' } },
} as const;

async function loadShow(db: Db, showId: string, locale: Locale) {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      status: true,
      assistantEnabled: true,
      pinnedProductId: true,
      brand: { select: { currency: true, shippingFlatMinor: true, freeShippingOverMinor: true } },
      lineup: { select: { product: { select: productSelect } }, orderBy: { position: 'asc' } },
    },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  // The products' words in the asker's language (issue 19 item 6): what a question names them by, and what replies show.
  const products = await localizeProducts(
    db,
    show.lineup.map((l) => l.product),
    locale,
  );
  return { ...show, lineup: products.map((product) => ({ product })) };
}
type ShowFacts = Awaited<ReturnType<typeof loadShow>>;
type ProductRow = ShowFacts['lineup'][number]['product'];

function toProduct(row: ProductRow, deal: DealView | null, currency: string): AssistantProduct {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    imageUrl: row.imageUrl,
    currency: row.variants[0]?.currency ?? currency,
    variants: row.variants.map((v) => ({
      id: v.id,
      name: v.name,
      priceMinor: v.priceMinor,
      dealPriceMinor: deal?.variantId === v.id ? deal.priceMinor : null,
      stock: v.stock,
    })),
  };
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** The product the question names (by words of its title), else the pinned one, else the only one. */
function productOf(show: ShowFacts, text: string): ProductRow | null {
  const products = show.lineup.map((l) => l.product).filter((p) => p.status === 'ACTIVE');
  const lower = text.toLowerCase();
  let best: ProductRow | null = null;
  let bestScore = 0;
  for (const product of products) {
    const score = product.title
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word.length >= 4 && lower.includes(word)).length;
    if (score > bestScore) [best, bestScore] = [product, score];
  }
  return best ?? products.find((p) => p.id === show.pinnedProductId) ?? (products.length === 1 ? products[0]! : null);
}

/** The variant the question names ("50 ml" also as "50ml"), else the only one; null when it must be asked. */
function variantOf(product: ProductRow, text: string) {
  const typed = squash(text);
  const named = product.variants.filter((v) => typed.includes(squash(v.name)));
  if (named.length) return named.reduce((a, b) => (squash(b.name).length > squash(a.name).length ? b : a));
  return product.variants.length === 1 ? product.variants[0]! : null;
}

/** A quantity typed with the question, once the variant names (which may hold numbers: "50 ml") are taken out. */
function quantityOf(product: ProductRow, text: string): number {
  let rest = text;
  for (const v of product.variants)
    rest = rest.replace(new RegExp(v.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'), 'gi'), ' ');
  const typed = /(\d{1,2})(?!\d)/.exec(rest);
  return typed ? Math.max(1, Number(typed[1])) : 1;
}

function couponCodeOf(understood: Understanding, text: string): string | null {
  if (understood.slots.couponCode) return understood.slots.couponCode;
  const afterWord = /(?:coupon|code|គូប៉ុង|កូដ|ຄູປອງ|ລະຫັດ|купон|код)\s*[:\-]?\s*([A-Za-z0-9_-]{2,32})/iu.exec(text);
  if (afterWord) return afterWord[1]!;
  const shouted = /\b([A-Z0-9][A-Z0-9_-]{2,31})\b/.exec(text);
  return shouted ? shouted[1]! : null;
}

/**
 * The answer step: what the question means and the reply from the show's catalog, deal and the
 * asker's bag. Refusals of what was asked are replies (kind 'refusal'), not thrown.
 */
export async function answer(ctx: AssistantContext, rawText: string): Promise<AssistantReply> {
  const text = asciiDigits(rawText);
  const understood = withLocalKeywords(understand(text, { pageLocale: ctx.pageLocale }), text);
  const [show, deal] = await Promise.all([loadShow(ctx.db, ctx.showId, ctx.pageLocale), activeDeal(ctx.db, ctx.showId)]);
  const { brand } = show;
  const needsProduct = (): AssistantReply => ({
    kind: 'which_product',
    products: show.lineup.filter((l) => l.product.status === 'ACTIVE').map((l) => ({ id: l.product.id, title: l.product.title })),
  });
  try {
    switch (understood.intent) {
      case 'greeting':
        return { kind: 'greeting' };
      case 'shipping':
        return {
          kind: 'shipping',
          currency: brand.currency,
          flatMinor: brand.shippingFlatMinor,
          freeOverMinor: brand.freeShippingOverMinor,
        };
      case 'price':
      case 'stock':
      case 'sizes':
      case 'materials':
      case 'what_is_this':
      case 'deal': {
        const row =
          understood.intent === 'deal' && deal ? show.lineup.find((l) => l.product.id === deal.productId)?.product : productOf(show, text);
        if (!row) return needsProduct();
        return { kind: 'answer', topic: understood.intent, product: toProduct(row, deal, brand.currency) };
      }
      case 'buy':
      case 'add_to_bag': {
        const row = productOf(show, text);
        if (!row) return needsProduct();
        const variant = variantOf(row, text);
        if (!variant) return { kind: 'answer', topic: 'sizes', product: toProduct(row, deal, brand.currency) };
        // The engine reads number words in the four languages ("two", "ពីរ"); digits are read here too.
        const quantity = understood.slots.quantity ?? quantityOf(row, text);
        if (understood.intent === 'add_to_bag') return await addToBag(ctx, row, variant, quantity, deal, brand.currency);
        return await propose(ctx, row, variant, quantity, deal, brand);
      }
      case 'use_coupon': {
        const code = couponCodeOf(understood, text);
        if (!code) throw new AppError('COUPON_INVALID', 'no code in the question');
        const bag = await getBag(ctx.db, ctx.asker, { showId: ctx.showId, couponCode: code });
        if (bag.couponError) return { kind: 'refusal', error: bag.couponError };
        return {
          kind: 'coupon',
          code: bag.coupon?.code ?? code.toUpperCase(),
          discountMinor: bag.totals.discountMinor,
          totalMinor: bag.totals.totalMinor,
          currency: bag.currency,
          bagItemCount: bag.itemCount,
        };
      }
      case 'delivery_time':
      case 'returns':
      case 'unknown': {
        // The brand's own words (FAQ, delivery and returns policies) before the host is asked.
        const said = await answerQuestion(
          ctx.db,
          { showId: ctx.showId, viewerId: ctx.asker.userId, text: rawText, pageLocale: ctx.pageLocale },
          { phrasing: ctx.phrasing ?? null },
        );
        return said.kind === 'answer' ? { kind: 'text', text: said.text } : await handOff(ctx, rawText);
      }
      case 'order_status':
      case 'cancel_order':
      case 'change_address':
      case 'return_order':
        // Never the host's Q&A: an order is the asker's own business, answered privately on its page.
        return { kind: 'order_help' };
      default: {
        const unreachable: never = understood.intent;
        throw new Error(`unhandled intent ${String(unreachable)}`);
      }
    }
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refusal', error: toErrorPayload(error) };
    throw error;
  }
}

type VariantRow = ProductRow['variants'][number];

async function propose(
  ctx: AssistantContext,
  product: ProductRow,
  variant: VariantRow,
  quantity: number,
  deal: DealView | null,
  rule: ShowFacts['brand'],
): Promise<AssistantReply> {
  if (variant.stock <= 0) throw new AppError('SOLD_OUT', `variant ${variant.id} sold out`);
  if (variant.stock < quantity) throw new AppError('ONLY_LEFT', { count: variant.stock, name: `${product.title} ${variant.name}` });
  const dealId = deal?.variantId === variant.id ? deal.id : null;
  const unitPriceMinor = dealId ? deal!.priceMinor : variant.priceMinor;
  const subtotalMinor = unitPriceMinor * quantity;
  const shippingMinor = shippingFor(subtotalMinor, {
    shippingFlatMinor: rule.shippingFlatMinor,
    freeShippingOverMinor: rule.freeShippingOverMinor,
  });
  const card = await ctx.db.assistantCard.create({
    data: { showId: ctx.showId, userId: ctx.asker.userId, variantId: variant.id, quantity, dealId },
    select: { id: true },
  });
  return {
    kind: 'buy_proposal',
    card: {
      id: card.id,
      product: { id: product.id, title: product.title, imageUrl: product.imageUrl },
      variantId: variant.id,
      variantName: variant.name,
      quantity,
      unitPriceMinor,
      regularUnitPriceMinor: variant.priceMinor,
      dealId,
      subtotalMinor,
      shippingMinor,
      totalMinor: subtotalMinor + shippingMinor,
      currency: variant.currency,
    },
  };
}

async function addToBag(
  ctx: AssistantContext,
  product: ProductRow,
  variant: VariantRow,
  quantity: number,
  deal: DealView | null,
  currency: string,
): Promise<AssistantReply> {
  const line = await ctx.db.bagItem.findUnique({
    where: { userId_showId_variantId: { userId: ctx.asker.userId, showId: ctx.showId, variantId: variant.id } },
    select: { quantity: true },
  });
  await setBagItem(ctx.db, ctx.asker, { showId: ctx.showId, variantId: variant.id, quantity: (line?.quantity ?? 0) + quantity });
  const bag = await getBag(ctx.db, ctx.asker, { showId: ctx.showId });
  return {
    kind: 'add_to_bag',
    product: toProduct(product, deal, currency),
    variantName: variant.name,
    quantity,
    bagItemCount: bag.itemCount,
  };
}

/** What the assistant cannot answer goes to the host's Q&A, where the host or a moderator answers it. */
async function handOff(ctx: AssistantContext, text: string): Promise<AssistantReply> {
  try {
    return { kind: 'handoff', question: await askQuestion(ctx.db, ctx.asker, ctx.showId, text) };
  } catch (error) {
    if (error instanceof AppError) return { kind: 'handoff', question: null };
    throw error;
  }
}

/**
 * A viewer's question to the assistant of a live show: refused when the show's switch is off
 * (ASSISTANT_OFF) or the show is not live; otherwise the answer step's reply.
 */
export async function askAssistant(ctx: AssistantContext, text: string): Promise<AssistantReply> {
  const show = await ctx.db.show.findUnique({ where: { id: ctx.showId }, select: { status: true, assistantEnabled: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${ctx.showId} not found`);
  if (!show.assistantEnabled) throw new AppError('ASSISTANT_OFF', `assistant off in ${ctx.showId}`);
  if (show.status !== 'LIVE') throw new AppError('SHOW_NOT_LIVE', `show ${ctx.showId} is ${show.status}`);
  return answer(ctx, text);
}

/**
 * One tap on a card's Confirm: the card's own variant, quantity and deal through the same one-tap order
 * path as the Buy button (limits, stock, payment, typed refusals). The card's id is the idempotency key,
 * so a second tap on the same card gets the first order back and never places another.
 */
export async function confirmAssistantCard(
  db: Db,
  payments: PaymentProvider,
  buyer: Actor,
  ref: { showId: string; cardId: string },
  sharedTaps: SharedTaps | null = null,
) {
  const card = await db.assistantCard.findFirst({
    where: { id: ref.cardId, showId: ref.showId, userId: buyer.userId },
    select: { id: true, variantId: true, quantity: true, dealId: true },
  });
  if (!card) throw new AppError('ASSISTANT_CARD_NOT_FOUND', `card ${ref.cardId} of ${buyer.userId} in ${ref.showId}`);
  const request = {
    showId: ref.showId,
    variantId: card.variantId,
    quantity: card.quantity,
    dealId: card.dealId,
    idempotencyKey: `assistant-${card.id}`,
  };
  return placeShowOrder(db, payments, buyer, request, sharedTaps);
}

/** The show's assistant switch, for its host and the brand's team (the studio and the show's form). */
export async function setAssistantEnabled(db: Db, actor: Actor, showId: string, enabled: boolean): Promise<boolean> {
  await requireModerator(db, actor, showId);
  await db.show.update({ where: { id: showId }, data: { assistantEnabled: enabled } });
  return enabled;
}

/** Whether the show's assistant is on: the show page renders its Ask button from it. */
export async function assistantEnabledIn(db: Db, showId: string): Promise<boolean> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { assistantEnabled: true } });
  return show?.assistantEnabled ?? false;
}
