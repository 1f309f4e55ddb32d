import { redirect } from 'next/navigation';
import { requireBrandMember } from '@/server/domain/brands';
import { orNotFound, productsPageContext, productsPath } from './products/brand-context';

/**
 * A brand's dashboard opens on its products. Membership is checked here too,
 * before redirecting: layout and page render side by side, and a non-member
 * must get the 404, not a redirect that confirms the brand exists.
 */
export default async function BrandHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, actor } = await productsPageContext(slug);
  await orNotFound(requireBrandMember(db, actor, { slug }));
  redirect(productsPath(slug));
}
