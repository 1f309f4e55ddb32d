'use client';

import { useState } from 'react';
import type { AssistantProduct, AssistantReply, ConfirmationCard } from '@/server/domain/assistant';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import { formatPrice } from '@/app/_lib/format';
import type { ConfirmResult } from './use-assistant';

const TOPIC_KEY = {
  price: 'assistant.answer.price',
  stock: 'assistant.answer.stock',
  sizes: 'assistant.answer.sizes',
  materials: 'assistant.answer.materials',
  what_is_this: 'assistant.answer.whatIsThis',
  deal: 'assistant.answer.deal',
} as const;

/** The product a reply speaks of: picture, title, and each variant with its price (the deal's too) and stock. */
function ProductCardMini({ product, withStock }: { product: AssistantProduct; withStock: boolean }) {
  const { t, intl } = useI18n();
  const price = (minor: number) => formatPrice(minor, product.currency, intl);
  return (
    <div className="mt-1 flex gap-2 rounded-xl bg-white p-2 text-ink shadow-sm" data-testid="assistant-product">
      {product.imageUrl && <img src={product.imageUrl} alt="" className="size-12 shrink-0 rounded-lg object-cover" />}
      <div className="min-w-0 text-sm">
        <p className="font-semibold">{product.title}</p>
        <ul>
          {product.variants.map((v) => (
            <li key={v.id}>
              {t('assistant.variantLine', {
                variant: v.name,
                price:
                  v.dealPriceMinor !== null
                    ? t('assistant.dealPrice', { price: price(v.dealPriceMinor), regular: price(v.priceMinor) })
                    : price(v.priceMinor),
              })}
              {withStock && <span className="text-neutral-600"> · {t('assistant.left', { count: v.stock })}</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A confirmation card: one tap confirms it through the one-tap order path; a second tap replays the same order. */
function ConfirmCard({ card, onConfirm }: { card: ConfirmationCard; onConfirm: (cardId: string) => Promise<ConfirmResult> }) {
  const { t, intl } = useI18n();
  const price = (minor: number) => formatPrice(minor, card.currency, intl);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConfirmResult | null>(null);
  async function confirm() {
    setBusy(true);
    setResult(await onConfirm(card.id));
    setBusy(false);
  }
  return (
    <section aria-label={t('assistant.card.heading')} className="mt-1 rounded-xl border border-brand-500 bg-white p-3 text-sm text-ink">
      <h4 className="font-semibold">{t('assistant.card.heading')}</h4>
      <p>{t('assistant.card.line', { quantity: card.quantity, product: card.product.title, variant: card.variantName })}</p>
      <p className="text-neutral-600">
        {card.dealId
          ? t('assistant.card.unitDeal', { price: price(card.unitPriceMinor), regular: price(card.regularUnitPriceMinor) })
          : t('assistant.card.unit', { price: price(card.unitPriceMinor) })}
      </p>
      <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-2">
        <dt>{t('assistant.card.subtotal')}</dt>
        <dd className="text-right tabular-nums">{price(card.subtotalMinor)}</dd>
        <dt>{t('assistant.card.shipping')}</dt>
        <dd className="text-right tabular-nums">{price(card.shippingMinor)}</dd>
        <dt className="font-semibold">{t('assistant.card.total')}</dt>
        <dd className="text-right font-semibold tabular-nums">{price(card.totalMinor)}</dd>
      </dl>
      {result?.ok ? (
        <p role="status" className="mt-2 font-semibold text-green-700">
          {t('assistant.card.ordered', { number: result.order.orderNumber, total: price(result.order.totalMinor) })}
        </p>
      ) : (
        <>
          <button
            type="button"
            onClick={() => void confirm()}
            disabled={busy}
            className="mt-2 min-h-11 w-full rounded-full bg-brand-500 px-4 py-2 font-bold text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
          >
            {busy ? t('assistant.card.paying') : t('assistant.card.confirm', { total: price(card.totalMinor) })}
          </button>
          {result && !result.ok && (
            <p role="alert" className="mt-1 text-red-700">
              {result.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** The assistant's reply worded in the reader's language, with the product card or confirmation card it carries. */
export function AssistantReplyView({
  reply,
  onConfirm,
}: {
  reply: AssistantReply;
  onConfirm?: (cardId: string) => Promise<ConfirmResult>;
}) {
  const { t, intl } = useI18n();
  switch (reply.kind) {
    case 'answer': {
      const { product } = reply;
      const withText = reply.topic === 'materials' || reply.topic === 'what_is_this';
      return (
        <>
          <p>{t(TOPIC_KEY[reply.topic], { product: product.title, description: withText ? product.description : '' })}</p>
          <ProductCardMini product={product} withStock={reply.topic !== 'materials'} />
        </>
      );
    }
    case 'shipping': {
      const price = (minor: number) => formatPrice(minor, reply.currency, intl);
      if (reply.flatMinor === 0) return <p>{t('assistant.shippingFree')}</p>;
      return (
        <p>
          {reply.freeOverMinor === null
            ? t('assistant.shippingFlat', { flat: price(reply.flatMinor) })
            : t('assistant.shippingThreshold', { flat: price(reply.flatMinor), threshold: price(reply.freeOverMinor) })}
        </p>
      );
    }
    case 'buy_proposal':
      return onConfirm ? <ConfirmCard card={reply.card} onConfirm={onConfirm} /> : null;
    case 'add_to_bag':
      return (
        <p>
          {t('assistant.addedToBag', {
            quantity: reply.quantity,
            product: reply.product.title,
            variant: reply.variantName,
            count: reply.bagItemCount,
          })}
        </p>
      );
    case 'coupon': {
      const price = (minor: number) => formatPrice(minor, reply.currency, intl);
      return (
        <p>
          {reply.bagItemCount === 0
            ? t('assistant.couponEmptyBag', { code: reply.code })
            : t('assistant.coupon', { code: reply.code, discount: price(reply.discountMinor), total: price(reply.totalMinor) })}
        </p>
      );
    }
    case 'which_product':
      return <p>{t('assistant.whichProduct', { products: reply.products.map((p) => p.title).join(', ') })}</p>;
    case 'greeting':
      return <p>{t('assistant.greeting')}</p>;
    case 'text':
      return <p>{reply.text}</p>;
    case 'order_help':
      return (
        <p>
          {t('assistant.orderHelp')}{' '}
          <a href="/account/orders" target="_blank" rel="noopener" className="font-semibold underline">
            {t('assistant.orderHelpLink')}
          </a>
        </p>
      );
    case 'handoff':
      return <p>{reply.question ? t('assistant.handoff') : t('assistant.handoffFailed')}</p>;
    case 'refusal':
      return <p role="alert">{errorText(t, reply.error)}</p>;
    default: {
      const unreachable: never = reply;
      return unreachable;
    }
  }
}
