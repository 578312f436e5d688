// Draws the Tokenlens icon (a lens over a rising bar) at 16/32/48/128 px as PNG, with no
// image library: a tiny RGBA rasteriser and zlib. Run once; the PNGs are committed in public/icon.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling per axis
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size;
          let col = null;
          // rounded dark tile
          const rr = 0.2, cx = Math.min(Math.max(u, rr), 1 - rr), cy = Math.min(Math.max(v, rr), 1 - rr);
          if ((u - cx) ** 2 + (v - cy) ** 2 <= rr * rr) col = [17, 24, 39];
          if (col) {
            const d = Math.hypot(u - 0.44, v - 0.44);
            if (d > 0.2 && d < 0.28) col = [56, 189, 248]; // lens ring
            if (d <= 0.2) {
              // bars inside the lens
              if (u > 0.33 && u < 0.39 && v > 0.48 && v < 0.58) col = [52, 211, 153];
              if (u > 0.41 && u < 0.47 && v > 0.40 && v < 0.58) col = [52, 211, 153];
              if (u > 0.49 && u < 0.55 && v > 0.32 && v < 0.58) col = [52, 211, 153];
            }
            // handle
            const t = ((u - 0.62) + (v - 0.62)) / 2;
            const off = Math.abs((u - 0.62) - (v - 0.62)) / Math.SQRT2;
            if (t > 0 && t < 0.16 && off < 0.055) col = [56, 189, 248];
          }
          if (col) { r += col[0]; g += col[1]; b += col[2]; a += 255; }
        }
      const n = S * S, i = (y * size + x) * 4, cov = a / 255;
      px[i] = cov ? r / cov : 0; px[i + 1] = cov ? g / cov : 0; px[i + 2] = cov ? b / cov : 0; px[i + 3] = a / n;
    }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icon/${s}.png`, draw(s));
