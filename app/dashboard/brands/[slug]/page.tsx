import { redirect } from 'next/navigation';

/** A brand's dashboard opens on its products. */
export default async function BrandHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/dashboard/brands/${encodeURIComponent(slug)}/products`);
}
