// Renders the app's icons (public/icons/*.png) from their SVG sources with sharp, which ships with Next.js:
// no download, no design tool. Run it after changing an SVG and commit the PNGs: `node scripts/make-icons.mjs`.
// The maskable icon keeps its picture inside the central 80 % safe zone, so any launcher's mask leaves it whole.
import path from 'node:path';
import sharp from 'sharp';

const dir = path.resolve(import.meta.dirname, '..', 'public', 'icons');
const outputs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  // iOS ignores the manifest's icons and wants an opaque square (it rounds the corners itself).
  ['maskable.svg', 'apple-touch-icon.png', 180],
  // Small monochrome-ish badge for Android's status bar.
  ['icon.svg', 'badge-96.png', 96],
];
for (const [source, target, size] of outputs) {
  await sharp(path.join(dir, source), { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(dir, target));
  console.log(`public/icons/${target} (${size}×${size})`);
}
