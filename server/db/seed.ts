import { hash, verify } from '@node-rs/argon2';
import type { PrismaClient } from './client';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_EMAILS = {
  brand: 'brand@demo.live',
  host: 'host@demo.live',
  viewer: 'viewer@demo.live',
  viewer2: 'viewer2@demo.live',
  /** Owner of a second brand: the other side of every brand-isolation check. */
  otherBrand: 'brand2@demo.live',
} as const;

// Stable ids (and unique keys: email, slug, sku) make the seed an upsert: running it on every start never duplicates.
// They are also the seed's mark: the app gives its own rows random ids, so a brand or
// account whose id is not the demo one was made by someone else and is never touched.
const BRAND_ID = 'demo_brand_lumen';
export const DEMO_BRAND_SLUG = 'lumen';
export const DEMO_HOST_HANDLE = 'mia';
// A real photo-like cover: it is the viewer page's poster and its largest paint.
const DEMO_SHOW_COVER = '/demo/covers/glow-up.jpg';
export const DEMO_SHOW_ID = 'demo_show_glow_up';
const OTHER_BRAND_ID = 'demo_brand_kora';
export const OTHER_BRAND_SLUG = 'kora';
const OTHER_SHOW_ID = 'demo_show_trail_ready';

const PRODUCTS = [
  {
    id: 'demo_product_serum',
    title: 'Dewy Glow Serum',
    image: 'serum',
    description: 'Hyaluronic acid and niacinamide for a glass-skin glow.',
    variants: [
      ['30 ml', 3800, 60],
      ['50 ml', 5400, 40],
    ],
  },
  {
    id: 'demo_product_cream',
    title: 'Cloud Cream Moisturiser',
    image: 'cream',
    description: 'Whipped, weightless, 72-hour hydration.',
    variants: [['50 ml', 3200, 80]],
  },
  {
    id: 'demo_product_lip',
    title: 'Velvet Lip Tint',
    image: 'lip',
    description: 'Blurred matte colour that lasts all day.',
    variants: [
      ['Rose', 1800, 50],
      ['Coral', 1800, 50],
      ['Berry', 1800, 50],
    ],
  },
  {
    id: 'demo_product_spf',
    title: 'Sunshield SPF 50',
    image: 'spf',
    description: 'Invisible daily sunscreen, no white cast.',
    variants: [['50 ml', 2600, 100]],
  },
  {
    id: 'demo_product_balm',
    title: 'Silk Cleansing Balm',
    image: 'balm',
    description: 'Melts make-up and sunscreen in one step.',
    variants: [['100 ml', 2400, 70]],
  },
  {
    id: 'demo_product_roller',
    title: 'Jade Facial Roller',
    image: 'roller',
    description: 'Cool-touch jade for a morning de-puff.',
    variants: [['One size', 2900, 25]],
  },
] as const;

export interface DemoSeed {
  showId: string;
  brandId: string;
  hostId: string;
  viewerIds: string[];
  productIds: string[];
  otherBrandId: string;
  otherBrandOwnerId: string;
  otherShowId: string;
}

type DemoAccount = keyof typeof DEMO_EMAILS;
const demoUserId = (account: DemoAccount) => `demo_user_${account}`;

/** The seed refuses to run rather than adopt a brand, account or handle it did not create. */
export class DemoSeedConflictError extends Error {
  constructor(readonly conflicts: string[]) {
    super(`demo data not seeded: ${conflicts.join('; ')}`);
    this.name = 'DemoSeedConflictError';
  }
}

/**
 * Accounts seeded before demo ids were stable have random ids; one whose password
 * is still the published demo password is a demo account whoever made it, so
 * adopting it gives nobody anything they did not have.
 */
async function isSeedAccount(user: { id: string; passwordHash: string | null }, account: DemoAccount): Promise<boolean> {
  if (user.id === demoUserId(account)) return true;
  return user.passwordHash !== null && (await verify(user.passwordHash, DEMO_PASSWORD).catch(() => false));
}

async function findConflicts(prisma: PrismaClient): Promise<string[]> {
  const conflicts: string[] = [];
  for (const [account, email] of Object.entries(DEMO_EMAILS) as [DemoAccount, string][]) {
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
    if (user && !(await isSeedAccount(user, account))) conflicts.push(`the account ${email} was not created by the seed`);
  }
  for (const [slug, id] of [
    [DEMO_BRAND_SLUG, BRAND_ID],
    [OTHER_BRAND_SLUG, OTHER_BRAND_ID],
  ]) {
    const brand = await prisma.brand.findUnique({ where: { slug }, select: { id: true } });
    if (brand && brand.id !== id) conflicts.push(`the brand slug "${slug}" belongs to a brand the seed did not create`);
  }
  const profile = await prisma.influencerProfile.findUnique({
    where: { handle: DEMO_HOST_HANDLE },
    select: { user: { select: { email: true } } },
  });
  if (profile && profile.user.email !== DEMO_EMAILS.host)
    conflicts.push(`the host handle "${DEMO_HOST_HANDLE}" belongs to another account`);
  return conflicts;
}

async function ensureUser(prisma: PrismaClient, account: DemoAccount, name: string): Promise<string> {
  const email = DEMO_EMAILS[account];
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  // Demo addresses are verified: otherwise a sign-in link for one would take the
  // account over as an unverified sign-up and drop the published password.
  if (existing) {
    await prisma.user.updateMany({ where: { id: existing.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    return existing.id;
  }
  const user = await prisma.user.create({
    data: { id: demoUserId(account), email, name, passwordHash: await hash(DEMO_PASSWORD), emailVerifiedAt: new Date() },
    select: { id: true },
  });
  return user.id;
}

async function ensureWallet(prisma: PrismaClient, userId: string, fullName: string) {
  if ((await prisma.address.count({ where: { userId } })) === 0) {
    await prisma.address.create({
      data: {
        userId,
        fullName,
        line1: '12 Riverside Walk',
        city: 'Phnom Penh',
        postalCode: '12000',
        country: 'KH',
        phone: '+855 12 345 678',
        isDefault: true,
      },
    });
  }
  if ((await prisma.paymentMethod.count({ where: { userId } })) === 0) {
    // A test-provider token: the card number itself is never stored.
    await prisma.paymentMethod.create({
      data: {
        userId,
        provider: 'test',
        token: 'tok_test_visa_4242',
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: new Date().getFullYear() + 2,
        isDefault: true,
      },
    });
  }
}

/**
 * The demo brand, accounts, products and show. Safe on every start: it only
 * creates what is missing and never touches stock or orders. The demo show is
 * put back on the schedule once it has ended, so a fresh demo is always ready.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<DemoSeed> {
  // All or nothing: a half-seeded demo next to someone's real brand helps no one.
  const conflicts = await findConflicts(prisma);
  if (conflicts.length) throw new DemoSeedConflictError(conflicts);
  const [brandOwnerId, hostId, viewerId, viewer2Id] = [
    await ensureUser(prisma, 'brand', 'Dara Sok'),
    await ensureUser(prisma, 'host', 'Mia Chen'),
    await ensureUser(prisma, 'viewer', 'Sam Rivera'),
    await ensureUser(prisma, 'viewer2', 'Alex Kim'),
  ];
  await prisma.influencerProfile.upsert({
    where: { userId: hostId },
    update: {},
    create: {
      userId: hostId,
      handle: DEMO_HOST_HANDLE,
      bio: 'Skincare nerd. Live every Friday.',
      links: [{ label: 'Instagram', url: 'https://instagram.com/mia.glows' }],
    },
  });
  // findConflicts made sure a "lumen" brand, if any, is the seed's own.
  const { id: brandId } = await prisma.brand.upsert({
    where: { slug: DEMO_BRAND_SLUG },
    update: {},
    create: {
      id: BRAND_ID,
      slug: DEMO_BRAND_SLUG,
      name: 'Lumen Beauty',
      currency: 'USD',
      timeZone: 'Asia/Phnom_Penh',
      // docs/embed-example.html served as docs/embed.md says: the embed works on a fresh install.
      embedOrigins: ['http://localhost:8080'],
      description: 'Clean skincare made for humid days.',
      shippingFlatMinor: 400,
      freeShippingOverMinor: 5000,
    },
    select: { id: true },
  });
  await prisma.brandMember.upsert({
    where: { brandId_userId: { brandId, userId: brandOwnerId } },
    update: {},
    create: { brandId, userId: brandOwnerId, role: 'OWNER' },
  });
  await ensureWallet(prisma, viewerId, 'Sam Rivera');
  await ensureWallet(prisma, viewer2Id, 'Alex Kim');

  for (const product of PRODUCTS) {
    await prisma.product.upsert({
      where: { id: product.id },
      update: {},
      create: {
        id: product.id,
        brandId,
        title: product.title,
        description: product.description,
        imageUrl: `/demo/products/${product.image}.svg`,
      },
    });
    for (const [name, priceMinor, stock] of product.variants) {
      const sku = `${product.id.replace('demo_product_', 'LUM-').toUpperCase()}-${name.replace(/\W+/g, '').toUpperCase()}`;
      const options = { [/ml$/.test(name) ? 'Size' : 'Shade']: name };
      await prisma.productVariant.upsert({
        where: { sku },
        update: {},
        create: { productId: product.id, sku, name, options, priceMinor, currency: 'USD', stock },
      });
    }
  }

  const show = await prisma.show.findUnique({ where: { id: DEMO_SHOW_ID }, select: { status: true } });
  const scheduledStart = new Date(Date.now() + 10 * 60 * 1000);
  if (!show) {
    await prisma.show.create({
      data: {
        id: DEMO_SHOW_ID,
        brandId,
        hostId,
        title: 'Glow Up Live: Spring Skincare Drop',
        description: 'Mia walks through the new spring routine, with show-only prices.',
        coverImageUrl: DEMO_SHOW_COVER,
        scheduledStart,
        hostInviteStatus: 'ACCEPTED',
        lineup: { create: PRODUCTS.map((p, position) => ({ productId: p.id, position })) },
      },
    });
  } else if (show.status === 'ENDED') {
    await prisma.show.update({
      where: { id: DEMO_SHOW_ID },
      data: { status: 'SCHEDULED', scheduledStart, startedAt: null, endedAt: null, pinnedProductId: null, coverImageUrl: DEMO_SHOW_COVER },
    });
  } else {
    await prisma.show.updateMany({ where: { id: DEMO_SHOW_ID, coverImageUrl: null }, data: { coverImageUrl: DEMO_SHOW_COVER } });
  }
  const other = await seedOtherBrand(prisma, hostId);
  return { showId: DEMO_SHOW_ID, brandId, hostId, viewerIds: [viewerId, viewer2Id], productIds: PRODUCTS.map((p) => p.id), ...other };
}

/** A second brand with its own product and show, hosted by the same influencer. */
async function seedOtherBrand(prisma: PrismaClient, hostId: string) {
  const otherBrandOwnerId = await ensureUser(prisma, 'otherBrand', 'Bat-Erdene Tsogt');
  const { id: otherBrandId } = await prisma.brand.upsert({
    where: { slug: OTHER_BRAND_SLUG },
    update: {},
    create: {
      id: OTHER_BRAND_ID,
      slug: OTHER_BRAND_SLUG,
      name: 'Kora Outdoors',
      currency: 'MNT',
      timeZone: 'Asia/Ulaanbaatar',
      description: 'Warm layers for cold mornings.',
    },
    select: { id: true },
  });
  await prisma.brandMember.upsert({
    where: { brandId_userId: { brandId: otherBrandId, userId: otherBrandOwnerId } },
    update: {},
    create: { brandId: otherBrandId, userId: otherBrandOwnerId, role: 'OWNER' },
  });
  const productId = 'demo_product_kora_fleece';
  await prisma.product.upsert({
    where: { id: productId },
    update: {},
    create: {
      id: productId,
      brandId: otherBrandId,
      title: 'Steppe Fleece Jacket',
      description: 'Recycled fleece, wind-proof panels.',
      imageUrl: '/demo/products/roller.svg',
    },
  });
  for (const [size, stock] of [
    ['S', 20],
    ['M', 30],
    ['L', 25],
  ] as const) {
    await prisma.productVariant.upsert({
      where: { sku: `KORA-FLEECE-${size}` },
      update: {},
      create: {
        productId,
        sku: `KORA-FLEECE-${size}`,
        name: `Size ${size}`,
        options: { Size: size },
        priceMinor: 18900000,
        currency: 'MNT',
        stock,
      },
    });
  }
  if (!(await prisma.show.findUnique({ where: { id: OTHER_SHOW_ID }, select: { id: true } }))) {
    await prisma.show.create({
      data: {
        id: OTHER_SHOW_ID,
        brandId: otherBrandId,
        hostId,
        title: 'Trail Ready: Winter Layers',
        description: 'Layering for −30 °C mornings.',
        scheduledStart: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000),
        hostInviteStatus: 'ACCEPTED',
        lineup: { create: [{ productId, position: 0 }] },
      },
    });
  }
  return { otherBrandId, otherBrandOwnerId, otherShowId: OTHER_SHOW_ID };
}
