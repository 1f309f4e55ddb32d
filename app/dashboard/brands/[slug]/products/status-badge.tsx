import type { MessageKey, Translate } from '@/app/_i18n/translate';
import type { ProductStatus } from '@/server/domain/catalog';

const LABELS: Record<ProductStatus, MessageKey> = {
  DRAFT: 'dashboard.productStatus.DRAFT',
  ACTIVE: 'dashboard.productStatus.ACTIVE',
  ARCHIVED: 'dashboard.productStatus.ARCHIVED',
};

export function statusLabel(status: ProductStatus, t: Translate): string {
  return t(LABELS[status]);
}

function statusColours(status: ProductStatus): string {
  switch (status) {
    case 'DRAFT':
      return 'bg-neutral-100 text-neutral-800';
    case 'ACTIVE':
      return 'bg-emerald-100 text-emerald-900';
    case 'ARCHIVED':
      return 'bg-amber-100 text-amber-900';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** Takes the translator rather than reading it, so server pages and client forms can both show it. */
export function StatusBadge({ status, t }: { status: ProductStatus; t: Translate }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${statusColours(status)}`}>{statusLabel(status, t)}</span>
  );
}
