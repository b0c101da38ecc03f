// Starts @20minutes/s3rver on 127.0.0.1 for tests and benchmarks, and prints one JSON line with the
// port it listens on. Usage: node --openssl-legacy-provider s3-server.mjs <directory> [bucket ...]
// (s3rver's ListObjectsV2 continuation tokens use DES: without the legacy provider, any listing of
// more than 1,000 keys fails with 500.)
// S3RVER_STRICT_SIGNATURES=1 makes it refuse requests whose signature does not match (wrong secret).
// Exits when its standard input closes, so a test process that dies takes its server with it.
import fs from 'node:fs/promises';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';

const [directory, ...buckets] = process.argv.slice(2);
if (!directory) {
  console.error('usage: node s3-server.mjs <directory> [bucket ...]');
  process.exit(2);
}

const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  directory,
  silent: true,
  // s3rver computes a different signature for some query strings (ListObjectsV2); unknown access
  // keys are still refused (InvalidAccessKeyId), which is what the credential tests rely on.
  allowMismatchedSignatures: process.env.S3RVER_STRICT_SIGNATURES !== '1',
  configureBuckets: buckets.map((name) => ({ name })),
});

// Runs before s3rver's own middleware.
server.middleware.unshift(async (ctx, next) => {
  // The SDK sends x-amz-copy-source URL-encoded ('/' as %2F); s3rver only calls decodeURI on it,
  // so CopyObject and UploadPartCopy would look for a key that does not exist.
  const source = ctx.headers['x-amz-copy-source'];
  if (source) ctx.headers['x-amz-copy-source'] = decodeURIComponent(source);

  // s3rver answers NotImplemented to ListMultipartUploads and 405 to AbortMultipartUpload. Both are
  // served here from s3rver's own upload folders so the engine's clean-up of abandoned multipart
  // uploads can be tested against real leftovers.
  const [bucket, ...keyParts] = ctx.path.split('/').filter((p) => p.length > 0);
  const uploadsDir = bucket ? path.join(directory, decodeURIComponent(bucket), '._S3rver_uploads') : '';
  if (ctx.method === 'GET' && bucket && keyParts.length === 0 && 'uploads' in ctx.query) {
    return listUploads(ctx, decodeURIComponent(bucket), uploadsDir, ctx.query.prefix ?? '');
  }
  if (ctx.method === 'DELETE' && bucket && keyParts.length > 0 && ctx.query.uploadId) {
    const dir = path.join(uploadsDir, path.basename(ctx.query.uploadId));
    try {
      await fs.access(dir);
    } catch {
      ctx.status = 404;
      ctx.type = 'application/xml';
      ctx.body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
      return;
    }
    await fs.rm(dir, { recursive: true, force: true });
    ctx.status = 204;
    return;
  }
  await next();
  // s3rver escapes listed keys twice (he.escape, then its XML builder), so a key with '&', '<', '>'
  // or a quote comes back altered; undo the outer layer so keys round-trip.
  if (ctx.method === 'GET' && bucket && keyParts.length === 0 && typeof ctx.body === 'string' && ctx.body.includes('<ListBucketResult')) {
    ctx.body = ctx.body
      .replace(/&amp;(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '&$1;')
      // AWS writes an apostrophe as &apos;, and the .NET SDK does not decode he's &#x27;
      .replace(/&#x27;/g, '&apos;');
  }
});

async function listUploads(ctx, bucket, uploadsDir, prefix) {
  let ids = [];
  try {
    ids = await fs.readdir(uploadsDir);
  } catch {
    // no upload was ever started in this bucket
  }
  const uploads = [];
  for (const id of ids) {
    try {
      const key = await fs.readFile(path.join(uploadsDir, id, 'key'), 'utf8');
      if (key.startsWith(prefix)) uploads.push({ id, key });
    } catch {
      // an upload that completed while we listed
    }
  }
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  ctx.type = 'application/xml';
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult>' +
    `<Bucket>${esc(bucket)}</Bucket><Prefix>${esc(prefix)}</Prefix><IsTruncated>false</IsTruncated>` +
    uploads.map((u) => `<Upload><Key>${esc(u.key)}</Key><UploadId>${esc(u.id)}</UploadId></Upload>`).join('') +
    '</ListMultipartUploadsResult>';
}

// Internal errors go to stderr, which the fixture keeps for its failure messages.
server.on('error', (err, ctx) => {
  if (!err.status || err.status >= 500) console.error(`${ctx?.method} ${ctx?.url}: ${err.stack ?? err}`);
});

const address = await server.run();
console.log(JSON.stringify({ port: address.port }));
process.stdin.resume();
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
