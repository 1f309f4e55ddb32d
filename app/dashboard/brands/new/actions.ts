'use server';

import { redirect } from 'next/navigation';
import { formAction, type ActionState } from '@/app/_lib/action';
import { brandCreationSchema, createBrand } from '@/server/domain/brand-team';
import { services } from '@/server/services';

export async function createBrandAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(brandCreationSchema, form, async (input, user) => {
    const { slug } = await createBrand(services().db, { userId: user.id, name: user.name }, input);
    redirect(`/dashboard/brands/${slug}/products`);
  });
}
