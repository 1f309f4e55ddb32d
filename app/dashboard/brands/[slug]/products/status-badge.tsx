import type { ProductStatus } from '@/server/domain/catalog-admin.schema';

export function statusLabel(status: ProductStatus): string {
  switch (status) {
    case 'DRAFT':
      return 'Draft';
    case 'ACTIVE':
      return 'Active';
    case 'ARCHIVED':
      return 'Archived';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
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

export function StatusBadge({ status }: { status: ProductStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${statusColours(status)}`}>{statusLabel(status)}</span>;
}
