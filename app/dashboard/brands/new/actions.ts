'use server';

import { redirect } from 'next/navigation';
import { localise } from '@/app/account/localise-state';
import { formAction, type ActionState } from '@/app/_lib/action';
import { brandCreationSchema, createBrand } from '@/server/domain/brand-team';
import { services } from '@/server/services';
import { attemptContext } from '@/server/auth/attempt';

export async function createBrandAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(brandCreationSchema, form, async (input, user) => {
    const { slug } = await createBrand(services().db, { userId: user.id, name: user.name }, input, await attemptContext());
    redirect(`/dashboard/brands/${slug}/products`);
  });
  return localise(state, {
    rules: [],
    fields: {
      name: 'account.newBrand.nameRule',
      slug: 'account.newBrand.slugRule',
      currency: 'account.newBrand.currencyRule',
      timeZone: 'account.newBrand.timeZoneRule',
    },
  });
}
