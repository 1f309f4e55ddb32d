import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { uploadPath } from '@/server/storage/local-disk-store';
import { contentTypeForKey } from '@/server/storage/image-type';
import { services } from '@/server/services';

// Serves images the local-disk store wrote. Keys are random and never reused,
// so a year of immutable caching is safe.

function isPlainSegment(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !segment.includes('/') &&
    !segment.includes('\\') &&
    !segment.includes('\0') &&
    !path.isAbsolute(segment) &&
    !/^[a-zA-Z]:/.test(segment)
  );
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key: segments } = await params;
  if (segments.length === 0 || !segments.every(isPlainSegment)) return new Response('Bad request', { status: 400 });
  const key = segments.join('/');
  const contentType = contentTypeForKey(key);
  const file = uploadPath(services().env.DATA_DIR, key);
  if (!contentType || !file) return notFound();
  try {
    const bytes = await readFile(file);
    return new Response(bytes, {
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(bytes.length),
        'Cache-Control': 'public, max-age=31536000, immutable',
        // The type comes from our own extension; browsers must not guess another.
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return notFound();
    throw error;
  }
}
