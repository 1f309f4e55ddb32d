// The assistant's answers (issue 19 items 1 and 2's first half): from what understand() made of the
// question to a typed reply. Every figure — price, deal, stock, shipping — is read from the database
// here, at answer time, and written with the shared money format; the phrase lists and the optional
// language model never produce one.
import { createTranslator } from '@/app/_i18n/standalone';
import { INTL_LOCALE, type Locale } from '@/app/_i18n/locales';
import type { Translate } from '@/app/_i18n/translate';
import type { Db } from '../context';
import { AppError } from '../errors';
import { currencyFormat } from '../money-format';
import { activeDeal } from '../shows';
import { askSchema, type AskInput } from './answer.schema';
import { askContext, matchProduct, productFacts, productTitles, titleWordsIn, type AskContext, type ProductFacts } from './catalog-lookup';
import { getAssistantPolicy, inLanguage, matchFaq } from './faq';
import { phraseWithLlm, type Phrasing } from './phrasing';
import type { AssistantReply } from './reply';
import { variantKeys } from './slots';
import { understand } from './understand';
import type { Understanding } from './understanding';
import { matchVariant } from './variant-match';

type Body = AssistantReply extends infer R ? (R extends unknown ? Omit<R, 'language'> : never) : never;

const translators = new Map<Locale, Translate>();
function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return t;
}

/** Where a brand's own FAQ wins over the built-in answer when it matches well. */
const FAQ_FIRST = new Set(['shipping', 'delivery_time', 'returns', 'materials', 'unknown', 'greeting', 'what_is_this']);

export interface AnswerOptions {
  /** The optional language model that may rephrase the text (never the figures); default: none. */
  phrasing?: Phrasing | null;
  now?: Date;
}

export async function answerQuestion(db: Db, input: AskInput, options: AnswerOptions = {}): Promise<AssistantReply> {
  const parsed = askSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_FIELD', { field: String(parsed.error.issues[0]?.path[0] ?? 'text') });
  const ask = parsed.data;
  const ctx = await askContext(db, ask.showId ? { showId: ask.showId } : { brandId: ask.brandId ?? '' });
  const understanding = await withoutProductWords(db, ctx, ask.text, understand(ask.text, { pageLocale: ask.pageLocale }));
  const body = await replyBody(db, ctx, ask.text, understanding, options.now ?? new Date());
  const reply: AssistantReply = { ...body, language: understanding.language };
  // Only plain answers are reworded: a proposal's text sits on a confirmation card, a handoff says "I do not know".
  if (options.phrasing && reply.kind === 'answer') {
    return { ...reply, text: await phraseWithLlm(options.phrasing, reply.text, understanding.language) };
  }
  return reply;
}

/**
 * Product names are words the phrase lists never saw ("cost of cleansing balm?"), and enough of them
 * drown the words that ask. When the engine gave up but the text names a product of this show, the
 * question is read again without that product's words; the slots stay those of the whole text.
 */
async function withoutProductWords(db: Db, ctx: AskContext, text: string, u: Understanding): Promise<Understanding> {
  if (u.intent !== 'unknown' || !u.slots.productQuery) return u;
  const productId = await matchProduct(db, ctx.productIds, u.slots.productQuery);
  if (!productId) return u;
  const tokens = text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}']+/u)
    .filter((w) => w.length >= 3);
  const named = new Set((await titleWordsIn(db, productId, tokens)).map((w) => w.toLowerCase()));
  const rest = text
    .split(/(\s+)/)
    .filter((part) => !named.has(part.toLowerCase().replace(/[^\p{L}\p{M}\p{N}']+/gu, '')))
    .join('');
  const again = understand(rest, { pageLocale: u.language });
  return again.intent === 'unknown' ? u : { ...again, language: u.language, slots: u.slots };
}

async function replyBody(db: Db, ctx: AskContext, text: string, u: Understanding, now: Date): Promise<Body> {
  const t = translator(u.language);
  if (FAQ_FIRST.has(u.intent)) {
    const faq = await matchFaq(db, ctx.brandId, text, u.language);
    if (faq) return { kind: 'answer', text: faq.answer };
  }
  switch (u.intent) {
    case 'order_status':
    case 'cancel_order':
    case 'change_address':
    case 'return_order':
      return { kind: 'order_help', intent: u.intent };
    case 'use_coupon':
      return u.slots.couponCode ? { kind: 'coupon', code: u.slots.couponCode } : { kind: 'answer', text: t('assistantAnswers.askCoupon') };
    case 'greeting':
      return { kind: 'answer', text: t('assistantAnswers.greeting') };
    case 'unknown':
      return { kind: 'handoff', text: t('assistantAnswers.handoff') };
    case 'shipping':
      return { kind: 'answer', text: await shippingText(db, ctx, u.language) };
    case 'delivery_time':
    case 'returns': {
      const policy = await getAssistantPolicy(db, ctx.brandId);
      const answer = inLanguage(u.intent === 'returns' ? policy.returns : policy.deliveryTime, u.language);
      return answer ? { kind: 'answer', text: answer } : { kind: 'handoff', text: t('assistantAnswers.handoff') };
    }
    case 'deal':
      return dealText(db, ctx, u.language, now);
    case 'price':
    case 'sizes':
    case 'stock':
    case 'materials':
    case 'what_is_this':
    case 'buy':
    case 'add_to_bag':
      return productAnswer(db, ctx, u, now);
    default: {
      const unreachable: never = u.intent;
      throw new Error(`unhandled intent ${String(unreachable)}`);
    }
  }
}

function money(locale: Locale, currency: string, minor: number): string {
  return currencyFormat(currency, INTL_LOCALE[locale]).format(minor);
}

async function shippingText(db: Db, ctx: AskContext, language: Locale): Promise<string> {
  const t = translator(language);
  const flat = money(language, ctx.currency, ctx.shippingFlatMinor);
  const rule =
    ctx.shippingFlatMinor === 0
      ? t('assistantAnswers.shippingFree')
      : ctx.freeShippingOverMinor === null
        ? t('assistantAnswers.shippingFlat', { flat })
        : t('assistantAnswers.shippingThreshold', { flat, threshold: money(language, ctx.currency, ctx.freeShippingOverMinor) });
  const policy = inLanguage((await getAssistantPolicy(db, ctx.brandId)).shippingText, language);
  return policy ? `${rule} ${policy}` : rule;
}

async function dealText(db: Db, ctx: AskContext, language: Locale, now: Date): Promise<Body> {
  const t = translator(language);
  const deal = ctx.showId ? await activeDeal(db, ctx.showId, now) : null;
  if (!deal) return { kind: 'answer', text: t('assistantAnswers.noDeal') };
  const product = await productFacts(db, deal.productId);
  const minutes = Math.max(1, Math.ceil((Date.parse(deal.endsAt) - now.getTime()) / 60_000));
  const parts = [
    t('assistantAnswers.deal', {
      product: product?.title ?? '',
      variant: deal.variantName,
      deal: money(language, deal.currency, deal.priceMinor),
      regular: money(language, deal.currency, deal.regularPriceMinor),
      count: minutes,
    }),
  ];
  if (deal.quantityCap !== null) parts.push(t('assistantAnswers.dealCapLeft', { left: String(deal.quantityCap - deal.soldCount) }));
  return { kind: 'answer', text: parts.join(' '), product: { productId: deal.productId, variantId: deal.variantId } };
}

/** The product the question is about: named in it, else the pinned one, else the only one on offer. */
async function subjectProduct(db: Db, ctx: AskContext, u: Understanding): Promise<ProductFacts | null> {
  const named = await matchProduct(db, ctx.productIds, u.slots.productQuery);
  const id = named ?? ctx.pinnedProductId ?? (ctx.productIds.length === 1 ? ctx.productIds[0] : undefined);
  return id ? productFacts(db, id) : null;
}

async function productAnswer(db: Db, ctx: AskContext, u: Understanding, now: Date): Promise<Body> {
  const t = translator(u.language);
  const product = await subjectProduct(db, ctx, u);
  if (!product || product.variants.length === 0) {
    const titles = await productTitles(db, ctx.productIds.slice(0, 5));
    return titles.length > 0
      ? { kind: 'answer', text: t('assistantAnswers.whichProduct', { titles: titles.join(', ') }) }
      : { kind: 'handoff', text: t('assistantAnswers.handoff') };
  }
  const keys = u.slots.variantQuery ? variantKeys(u.slots.variantQuery) : [];
  const variant = matchVariant(product.variants, keys);
  const about = { productId: product.id, ...(variant ? { variantId: variant.id } : {}) };
  const shown = variant ? [variant] : product.variants;
  const price = (v: ProductFacts['variants'][number]) => money(u.language, v.currency, v.priceMinor);
  const list = (f: (v: ProductFacts['variants'][number]) => string) => shown.map(f).join(', ');
  switch (u.intent) {
    case 'price': {
      const deal = ctx.showId ? await activeDeal(db, ctx.showId, now) : null;
      const dealVariant = deal && deal.productId === product.id && (!variant || variant.id === deal.variantId) ? deal : null;
      if (dealVariant)
        return {
          kind: 'answer',
          product: { productId: product.id, variantId: dealVariant.variantId },
          text: t('assistantAnswers.priceDeal', {
            product: product.title,
            variant: dealVariant.variantName,
            deal: money(u.language, dealVariant.currency, dealVariant.priceMinor),
            regular: money(u.language, dealVariant.currency, dealVariant.regularPriceMinor),
          }),
        };
      const prices = list((v) => t('assistantAnswers.variantPrice', { variant: v.name, price: price(v) }));
      return { kind: 'answer', product: about, text: t('assistantAnswers.prices', { product: product.title, prices }) };
    }
    case 'sizes':
      return {
        kind: 'answer',
        product: about,
        text: t('assistantAnswers.sizes', { product: product.title, variants: product.variants.map((v) => v.name).join(', ') }),
      };
    case 'stock': {
      const stock = list((v) =>
        v.stock > 0
          ? t('assistantAnswers.stockLeft', { variant: v.name, left: String(v.stock) })
          : t('assistantAnswers.stockNone', { variant: v.name }),
      );
      return { kind: 'answer', product: about, text: t('assistantAnswers.stock', { product: product.title, stock }) };
    }
    case 'materials':
      return product.description
        ? {
            kind: 'answer',
            product: about,
            text: t('assistantAnswers.materials', { product: product.title, description: product.description }),
          }
        : { kind: 'handoff', text: t('assistantAnswers.noDescription', { product: product.title }) };
    case 'what_is_this': {
      const prices = list((v) => t('assistantAnswers.variantPrice', { variant: v.name, price: price(v) }));
      const description = [product.description, t('assistantAnswers.prices', { product: product.title, prices })].filter(Boolean).join(' ');
      return { kind: 'answer', product: about, text: t('assistantAnswers.whatIsThis', { product: product.title, description }) };
    }
    default:
      return purchase(t, u, product, variant);
  }
}

function purchase(t: Translate, u: Understanding, product: ProductFacts, variant: ProductFacts['variants'][number] | undefined): Body {
  if (!variant)
    return {
      kind: 'answer',
      product: { productId: product.id },
      text: t('assistantAnswers.whichVariant', { product: product.title, variants: product.variants.map((v) => v.name).join(', ') }),
    };
  const quantity = u.slots.quantity ?? 1;
  const names = { product: product.title, variant: variant.name };
  const about = { productId: product.id, variantId: variant.id };
  if (variant.stock === 0) return { kind: 'answer', product: about, text: t('assistantAnswers.soldOut', names) };
  if (variant.stock < quantity)
    return { kind: 'answer', product: about, text: t('assistantAnswers.onlyLeft', { ...names, left: String(variant.stock) }) };
  const kind = u.intent === 'add_to_bag' ? 'add_to_bag' : 'buy_proposal';
  const text = t(kind === 'add_to_bag' ? 'assistantAnswers.addToBag' : 'assistantAnswers.proposal', {
    ...names,
    quantity: String(quantity),
  });
  return { kind, text, productId: product.id, variantId: variant.id, quantity };
}
