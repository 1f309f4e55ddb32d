'use client';

import { useI18n } from '@/app/_i18n/client';
import type { ProductCard } from '@/server/domain/catalog';

interface LineupPanelProps {
  lineup: ProductCard[];
  pinnedId: string | null;
  live: boolean;
  /** After the show nothing can be pinned any more: the lineup is only a list. */
  ended: boolean;
  loading: boolean;
  onPin: (productId: string) => void;
  onUnpin: () => void;
}

/** The show's products; the host pins one to put it on every viewer's screen. */
export function LineupPanel({ lineup, pinnedId, live, ended, loading, onPin, onUnpin }: LineupPanelProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="lineup-heading" className="flex min-h-0 flex-col rounded-2xl bg-white p-4 shadow-sm">
      <h2 id="lineup-heading" className="mb-2 font-semibold">
        {t('studio.lineup.heading')}
      </h2>
      {loading ? (
        <p className="text-sm text-neutral-600">{t('studio.lineup.loading')}</p>
      ) : lineup.length === 0 ? (
        <p className="text-sm text-neutral-600">{t('studio.lineup.empty')}</p>
      ) : (
        <>
          {!live && !ended && <p className="mb-2 text-sm text-neutral-600">{t('studio.lineup.offAir')}</p>}
          <ul className="min-h-0 space-y-2 overflow-y-auto" data-testid="studio-lineup">
            {lineup.map((product) => (
              <LineupItem
                key={product.id}
                product={product}
                pinned={pinnedId === product.id}
                live={live}
                ended={ended}
                onPin={onPin}
                onUnpin={onUnpin}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LineupItem({
  product,
  pinned,
  live,
  ended,
  onPin,
  onUnpin,
}: {
  product: ProductCard;
  pinned: boolean;
  live: boolean;
  ended: boolean;
  onPin: (productId: string) => void;
  onUnpin: () => void;
}) {
  const { t } = useI18n();
  const stock = product.variants.reduce((sum, v) => sum + v.stock, 0);
  const onSale = product.status === 'ACTIVE';
  const hintId = `lineup-draft-${product.id}`;
  return (
    <li className={`flex items-center gap-3 rounded-xl p-2 ${pinned ? 'bg-brand-50 ring-2 ring-brand-500' : 'bg-neutral-50'}`}>
      {product.imageUrl && <img src={product.imageUrl} alt="" width={48} height={48} className="h-12 w-12 rounded-lg object-cover" />}
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{product.title}</p>
        <p className="text-xs text-neutral-600">
          {stock > 0 ? t('studio.lineup.stock', { count: stock }) : t('studio.lineup.soldOut')}
          {pinned && <span className="ml-2 font-semibold text-brand-700">{t('studio.lineup.onScreen')}</span>}
        </p>
        {!onSale && (
          <p id={hintId} className="text-xs text-amber-800">
            <span className="font-semibold">{t('studio.lineup.draft')}</span> · {t('studio.lineup.draftHint')}
          </p>
        )}
      </div>
      {!ended && (
        <button
          type="button"
          aria-pressed={pinned}
          aria-label={t(pinned ? 'studio.lineup.unpinLabel' : 'studio.lineup.pinLabel', { title: product.title })}
          // A product pinned before the brand made it a draft can still be unpinned.
          disabled={!live || (!onSale && !pinned)}
          aria-describedby={onSale ? undefined : hintId}
          onClick={() => (pinned ? onUnpin() : onPin(product.id))}
          className="min-h-11 min-w-11 rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-800 disabled:opacity-40"
        >
          {t(pinned ? 'studio.lineup.unpin' : 'studio.lineup.pin')}
        </button>
      )}
    </li>
  );
}
