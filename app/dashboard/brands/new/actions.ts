'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { localise } from '@/app/account/localise-state';
import { formAction, type ActionState } from '@/app/_lib/action';
import { checkBrandAddress, type BrandAddressCheck } from '@/server/domain/brands';
import { brandCreationSchema, createBrand } from '@/server/domain/brands';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { attemptContext } from '@/server/auth/attempt';

export async function createBrandAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(brandCreationSchema, form, async (input, user) => {
    const { slug } = await createBrand(services().db, { userId: user.id, name: user.name }, input, await attemptContext());
    redirect(`/dashboard/brands/${slug}/products`);
  });
  // A taken address is the address field's problem: say so beside it.
  const located =
    !state.ok && state.code === 'BRAND_ADDRESS_TAKEN'
      ? {
          ...state,
          fieldErrors: { slug: state.reason ?? 'BRAND_ADDRESS_TAKEN' },
          ...(state.params ? { fieldParams: { slug: state.params } } : {}),
        }
      : state;
  return localise(located, {
    fields: {
      name: 'account.newBrand.nameRule',
      slug: 'account.newBrand.slugRule',
      currency: 'account.newBrand.currencyRule',
      timeZone: 'account.newBrand.timeZoneRule',
    },
  });
}

const addressSchema = z.string().max(60);

/** Whether the address typed so far is free, for the form to say before it is submitted. */
export async function checkBrandAddressAction(slug: unknown): Promise<BrandAddressCheck | null> {
  const parsed = addressSchema.safeParse(slug);
  if (!parsed.success || !(await currentUser())) return null;
  return checkBrandAddress(services().db, parsed.data);
}
