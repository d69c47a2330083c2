// Pre-compresses the built assets (gzip and brotli) so the server sends them compressed without spending CPU
// per request (sirv serves `x.js.br` / `x.js.gz` when the browser accepts them).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../dist');
let files = 0;
for (const name of readdirSync(root, { recursive: true })) {
  const file = path.join(root, name);
  if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  files += 1;
}
console.log(`compressed ${files} assets (gzip, brotli)`);
