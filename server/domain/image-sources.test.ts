import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { imageUrlSchema } from './catalog';
import { influencerProfileSchema } from './accounts';
import { configureImageSources, IMAGE_SOURCE_MESSAGE, imageSourceOrigins, imageSourcesFromEnv, isAllowedImageUrl } from './image-sources';
import { coverImageUrlSchema } from './shows';

const env = (extra: Record<string, string> = {}) => loadEnv({ AUTH_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/lc-image-sources', ...extra });

describe('image sources', () => {
  afterEach(() => configureImageSources(undefined));

  it('accepts our own uploads and the demo pictures the seed uses, and nothing else by default', () => {
    const sources = imageSourcesFromEnv(env());
    for (const url of ['/uploads/products/abc-123.webp', '/uploads/covers/x.jpg', '/demo/covers/glow-up.jpg', '/demo/products/serum.svg'])
      expect(isAllowedImageUrl(url, sources), url).toBe(true);
    for (const url of [
      'https://tracker.example/pixel.gif',
      'http://images.example.com/a.png',
      '//evil.example/a.png',
      '/uploads/../api/auth/signout',
      '/uploads/./a.png',
      '/api/health',
      '/uploads/',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '/demo/a b.png',
    ]) {
      expect(isAllowedImageUrl(url, sources), url).toBe(false);
    }
  });

  it('accepts links under S3_PUBLIC_URL and from IMAGE_HOSTS (https only), not look-alikes', () => {
    const sources = imageSourcesFromEnv(
      env({ S3_PUBLIC_URL: 'https://cdn.example.com/media', IMAGE_HOSTS: 'images.example.com, Pics.Example.org' }),
    );
    expect(imageSourceOrigins(sources)).toEqual(['https://cdn.example.com', 'https://images.example.com', 'https://pics.example.org']);
    for (const url of [
      'https://cdn.example.com/media/products/a.webp',
      'https://images.example.com/x/y.png',
      'https://PICS.example.org/z.jpg',
    ])
      expect(isAllowedImageUrl(url, sources), url).toBe(true);
    for (const url of [
      'https://cdn.example.com/other/a.webp',
      'https://cdn.example.com/media/../other/a.webp',
      'https://cdn.example.com/mediaX/a.webp',
      'http://images.example.com/x.png',
      'https://images.example.com.evil.example/x.png',
      'https://evil.example/https://images.example.com/x.png',
      'https://user:pw@images.example.com/x.png',
    ]) {
      expect(isAllowedImageUrl(url, sources), url).toBe(false);
    }
  });

  it('the bucket URL counts when STORAGE_DRIVER=s3 has no S3_PUBLIC_URL', () => {
    const sources = imageSourcesFromEnv(
      env({
        STORAGE_DRIVER: 's3',
        S3_ENDPOINT: 'https://s3.example.com',
        S3_BUCKET: 'media',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 'b',
      }),
    );
    expect(isAllowedImageUrl('https://s3.example.com/media/products/a.webp', sources)).toBe(true);
    expect(isAllowedImageUrl('https://s3.example.com/other/a.webp', sources)).toBe(false);
  });

  it('covers, product images and avatars linked from another site are refused with the rule, and allowed once the host is listed', () => {
    const external = 'https://tracker.example/pixel.gif';
    const refusal = {
      success: false,
      error: expect.objectContaining({ issues: [expect.objectContaining({ message: IMAGE_SOURCE_MESSAGE })] }),
    };
    expect(imageUrlSchema.safeParse(external)).toMatchObject(refusal);
    expect(coverImageUrlSchema.safeParse(external).success).toBe(false);
    expect(influencerProfileSchema.safeParse({ handle: 'mia', bio: '', avatarUrl: external, links: [] }).success).toBe(false);

    configureImageSources(imageSourcesFromEnv(env({ IMAGE_HOSTS: 'tracker.example' })));
    expect(imageUrlSchema.safeParse(external).success).toBe(true);
    expect(coverImageUrlSchema.safeParse(external)).toMatchObject({ success: true, data: external });
    expect(influencerProfileSchema.safeParse({ handle: 'mia', bio: '', avatarUrl: external, links: [] }).success).toBe(true);
  });

  it('the seed’s demo cover and an empty cover still pass the schema', () => {
    expect(coverImageUrlSchema.parse('/demo/covers/glow-up.jpg')).toBe('/demo/covers/glow-up.jpg');
    expect(coverImageUrlSchema.parse('')).toBeNull();
  });

  it('refuses a malformed IMAGE_HOSTS or ALLOWED_ORIGINS at boot', () => {
    expect(() => env({ IMAGE_HOSTS: 'https://images.example.com/' })).toThrow(/IMAGE_HOSTS/);
    expect(() => env({ ALLOWED_ORIGINS: 'https://partner.example/path' })).toThrow(/ALLOWED_ORIGINS/);
    expect(env({ ALLOWED_ORIGINS: 'https://partner.example, http://localhost:4000' }).ALLOWED_ORIGINS).toEqual([
      'https://partner.example',
      'http://localhost:4000',
    ]);
  });
});
