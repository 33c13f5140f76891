/**
 * npm run icons: draws Holding's icon from packaging/icon.svg (48 px and up) and packaging/icon-small.svg
 * (16, 24 and 32 px, redrawn on a 16 px grid so that it stays clear) with Debian's Chromium, and writes
 * what electron-builder packs (electron-builder.yml points at each):
 *
 *   packaging/icon.png            1024×1024, the master
 *   packaging/icons/NxN.png       Linux: the deb's hicolor theme and the AppImage
 *   packaging/icon.ico            Windows: the executable, the installer and the .holdingbundle files
 *   packaging/icon.icns           macOS
 *
 * The .icns comes from png2icons (it writes the legacy PackBits chunks older Finders want). The .ico is
 * written here from the same PNGs as Linux, so Windows gets the hand-fitted small sizes too: png2icons
 * scales every size down from one master, which blurs 16 and 24 px.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BICUBIC, createICNS } from 'png2icons';

const dir = path.resolve('packaging');
const CHROMIUM_PATH = process.env['HOLDING_CHROMIUM'] ?? '/usr/bin/chromium';
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
const SMALL_UP_TO = 32;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const master = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const small = readFileSync(path.join(dir, 'icon-small.svg'), 'utf8');

/** The SVG at `size` pixels square, with its own `width`/`height` replaced. */
function sized(svg: string, size: number): string {
  return svg.replace(/<svg([^>]*?)\swidth="[^"]*"\sheight="[^"]*"/, `<svg$1 width="${size}" height="${size}"`);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
const pngs = new Map<number, Buffer>();
try {
  for (const size of [...LINUX_SIZES, 1024]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = sized(size <= SMALL_UP_TO ? small : master, size);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`,
    );
    pngs.set(size, await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
  }
} finally {
  await browser.close();
}
const png = (size: number): Buffer => pngs.get(size)!;

mkdirSync(path.join(dir, 'icons'), { recursive: true });
writeFileSync(path.join(dir, 'icon.png'), png(1024));
for (const size of LINUX_SIZES) writeFileSync(path.join(dir, 'icons', `${size}x${size}.png`), png(size));

const icns = createICNS(png(1024), BICUBIC, 0);
if (!icns) throw new Error('png2icons could not write icon.icns');
writeFileSync(path.join(dir, 'icon.icns'), icns);
writeFileSync(path.join(dir, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, data: png(size) }))));

console.log(`Wrote packaging/icon.png, icon.ico, icon.icns and icons/{${LINUX_SIZES.join(',')}}.png`);

/** An ICO file whose images are PNGs (read by Windows Vista and later; a 256 px entry is stored as 0). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}
