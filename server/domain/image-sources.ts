import type { Env } from '../env';
import { processValue, setProcessValue } from '../process-registry';
import type { ErrorKey } from './errors';

// Where product images, show covers and avatars may come from. A link to any
// site would let a brand or host make every viewer's browser call that site
// (tracking pixels, a moving target for the CSP), so only our own files are
// accepted — uploads (on disk under /uploads/, or the bucket's public URL) and
// the bundled demo pictures — plus hosts the operator lists in IMAGE_HOSTS.
// The same list feeds the Content-Security-Policy's img-src.

export const IMAGE_SOURCE_MESSAGE = 'IMAGE_SOURCE_NOT_ALLOWED' satisfies ErrorKey;

export interface ImageSources {
  /** URL prefixes (scheme, host and path, ending in "/") that external image links must start with. */
  prefixes: readonly string[];
}

// Our own paths: uploads and the demo pictures in public/demo. Plain segments only.
const OWN_PATH = /^\/(uploads|demo)(\/[A-Za-z0-9._~-]+)+$/;
const isOwnPath = (path: string) => OWN_PATH.test(path) && !path.split('/').some((segment) => segment === '.' || segment === '..');

export function imageSourcesFromEnv(
  env: Pick<Env, 'STORAGE_DRIVER' | 'S3_PUBLIC_URL' | 'S3_ENDPOINT' | 'S3_BUCKET' | 'IMAGE_HOSTS'>,
): ImageSources {
  const prefixes: string[] = [];
  const bucket =
    env.S3_PUBLIC_URL ??
    (env.STORAGE_DRIVER === 's3' && env.S3_ENDPOINT && env.S3_BUCKET
      ? `${env.S3_ENDPOINT.replace(/\/+$/, '')}/${env.S3_BUCKET}`
      : undefined);
  if (bucket) prefixes.push(withSlash(new URL(bucket).href));
  for (const host of env.IMAGE_HOSTS) prefixes.push(`https://${host}/`);
  return { prefixes };
}

const withSlash = (href: string) => (href.endsWith('/') ? href : `${href}/`);

/** The origins of the allowed prefixes, for the CSP. */
export function imageSourceOrigins(sources: ImageSources): string[] {
  return [...new Set(sources.prefixes.map((prefix) => new URL(prefix).origin))];
}

export function isAllowedImageUrl(raw: string, sources: ImageSources = currentImageSources()): boolean {
  if (raw.startsWith('/')) return isOwnPath(raw);
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return false;
  // Compared after parsing, so /a/../ tricks and case in the host are already resolved.
  return sources.prefixes.some((prefix) => url.href.startsWith(prefix));
}

// Pages and route handlers are bundled apart from the server's modules, so the
// sources configured at boot live in the process registry, like server/services.ts.
const SOURCES = 'image-sources';

/** Set once at boot from the environment; until then only our own paths are allowed. */
export function configureImageSources(sources: ImageSources | undefined): void {
  setProcessValue(SOURCES, sources);
}

export function currentImageSources(): ImageSources {
  return processValue<ImageSources>(SOURCES) ?? { prefixes: [] };
}
