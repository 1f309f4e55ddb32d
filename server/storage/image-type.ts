// The only image formats accepted for upload, recognised by their first bytes
// rather than by the file name or the browser's claimed type. SVG is left out
// on purpose: it can carry script.

export type ImageContentType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export const IMAGE_EXTENSIONS: Record<ImageContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function detectImageType(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** The content type a stored key is served with, from the extension we gave it. */
export function contentTypeForKey(key: string): ImageContentType | null {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  for (const [type, ext] of Object.entries(IMAGE_EXTENSIONS) as [ImageContentType, string][]) if (ext === extension) return type;
  return extension === 'jpeg' ? 'image/jpeg' : null;
}
