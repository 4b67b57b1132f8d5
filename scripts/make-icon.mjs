// Draws the extension's 128×128 icon (a folded news page on a dark blue
// square) and writes images/icon.png with a minimal PNG encoder: no image
// library is needed. Run once; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  const i = (y * size + x) * 4;
  pixels[i] = r;
  pixels[i + 1] = g;
  pixels[i + 2] = b;
  pixels[i + 3] = a;
};
const navy = [22, 48, 92];
const paper = [246, 244, 236];
const ink = [40, 40, 48];
const accent = [214, 64, 52];
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    // Rounded square background.
    const r = 20;
    const cx = Math.min(Math.max(x, r), size - 1 - r);
    const cy = Math.min(Math.max(y, r), size - 1 - r);
    const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    set(x, y, inside ? navy : [0, 0, 0, 0]);
  }
}
const rect = (x0, y0, x1, y1, colour) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, colour);
};
rect(28, 22, 100, 106, paper); // the page
rect(36, 30, 92, 40, accent); // masthead band
rect(36, 46, 92, 52, ink); // headline
for (const y of [60, 68, 76, 84, 92]) rect(36, y, y === 92 ? 72 : 92, y + 3, [120, 120, 130]); // text lines
rect(36, 98, 92, 99, navy); // divider

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync('images/icon.png', png);
