// Draws the toolbar icons (a white check on a blue rounded square) into
// extension/icons/icon-<size>.png. The PNGs are committed; rerun this after
// changing the drawing: `node scripts/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const OUT_DIR = new URL('../extension/icons/', import.meta.url);
const SUPERSAMPLE = 4;
const BACKGROUND = [29, 78, 216]; // #1d4ed8
const CHECK = [255, 255, 255];
const CHECK_POINTS = [[0.26, 0.53], [0.43, 0.7], [0.75, 0.33]];
const CHECK_HALF_WIDTH = 0.065;

/** Signed distance from (x, y) to a rounded square covering most of the unit square. */
function roundedSquareDistance(x, y) {
  const half = 0.47;
  const radius = 0.2;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance from (x, y) to the segment a-b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The colour and alpha of one sample point of the drawing. */
function sample(x, y) {
  if (roundedSquareDistance(x, y) > 0) {
    return null;
  }
  const onCheck = segmentDistance(x, y, CHECK_POINTS[0], CHECK_POINTS[1]) < CHECK_HALF_WIDTH ||
    segmentDistance(x, y, CHECK_POINTS[1], CHECK_POINTS[2]) < CHECK_HALF_WIDTH;
  return onCheck ? CHECK : BACKGROUND;
}

/** RGBA pixels of the icon at `size`, antialiased by supersampling. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (colour) {
            covered++;
            colour.forEach((c, i) => { sum[i] += c; });
          }
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        sum.forEach((s, i) => { pixels[at + i] = Math.round(s / covered); });
      }
      pixels[at + 3] = Math.round((255 * covered) / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

/** CRC-32 of a buffer, as PNG chunks need it. */
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A complete PNG file (8-bit RGBA, no filtering) for square RGBA pixels. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, OUT_DIR);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file.pathname}`);
}
