import Link from 'next/link';
import { ShowGridView, type ShowGridProps } from './show-card-view';

export function ShowGrid(props: ShowGridProps) {
  return <ShowGridView {...props} Anchor={Link} />;
}
