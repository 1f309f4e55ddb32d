import { z } from 'zod';
import { requireBrandMember } from './brand-access';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import type { ShippingRule } from '../bag';

export const shippingRuleSchema = z.object({
  shippingFlatMinor: z.number().int().min(0).max(100_000_000),
  freeShippingOverMinor: z.number().int().min(0).max(100_000_000).nullable(),
});

export interface BrandShipping extends ShippingRule {
  currency: string;
}

export async function getShippingRule(db: Db, actor: Actor, slug: string): Promise<BrandShipping> {
  const brand = await requireBrandMember(db, actor, { slug });
  const row = await db.brand.findUniqueOrThrow({
    where: { id: brand.brandId },
    select: { shippingFlatMinor: true, freeShippingOverMinor: true, currency: true },
  });
  return row;
}

/** Applies to orders placed from now on; orders already placed keep the shipping they were charged. */
export async function updateShippingRule(db: Db, actor: Actor, slug: string, rule: ShippingRule): Promise<BrandShipping> {
  const brand = await requireBrandMember(db, actor, { slug });
  const parsed = shippingRuleSchema.safeParse(rule);
  if (!parsed.success) throw new AppError('SHIPPING_NEGATIVE', parsed.error.message);
  return db.brand.update({
    where: { id: brand.brandId },
    data: parsed.data,
    select: { shippingFlatMinor: true, freeShippingOverMinor: true, currency: true },
  });
}
