import { shippingFor, type ShippingRule } from '@/server/domain/pricing';
import { useI18n } from '../../_i18n/client';
import { formatPrice } from '../../_lib/format';

/**
 * The line under Buy for the price on it: Buy now charges the brand's shipping on top of the price, unless the
 * item alone reaches free shipping (the order's rule, shippingFor). Part of the pinned card's code, so the
 * viewer page's first load does not carry the pricing rules.
 */
export function ShippingNote({ rule, currency, priceMinor }: { rule: ShippingRule; currency: string; priceMinor: number }) {
  const { t, intl } = useI18n();
  const text =
    shippingFor(priceMinor, rule) === 0
      ? t('viewer.page.freeShipping')
      : rule.freeShippingOverMinor !== null
        ? t('viewer.page.shippingNoteFreeFrom', {
            price: formatPrice(rule.shippingFlatMinor, currency, intl),
            threshold: formatPrice(rule.freeShippingOverMinor, currency, intl),
          })
        : t('viewer.page.shippingNote', { price: formatPrice(rule.shippingFlatMinor, currency, intl) });
  return (
    <p className="mt-1 px-1 text-xs text-neutral-600" data-testid="shipping-note">
      {text}
    </p>
  );
}
