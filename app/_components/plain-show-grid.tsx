import { PlainAnchor } from './anchor';
import { ShowGridView, type ShowGridProps } from './show-card-view';

/** The show grid of the show page: plain links (see anchor.tsx). */
export function PlainShowGrid(props: ShowGridProps) {
  return <ShowGridView {...props} Anchor={PlainAnchor} />;
}
