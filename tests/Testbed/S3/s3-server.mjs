// Starts @20minutes/s3rver on 127.0.0.1 for tests and benchmarks, and prints one JSON line with the
// port it listens on. Usage: node --openssl-legacy-provider s3-server.mjs <directory> [bucket ...]
// (s3rver's ListObjectsV2 continuation tokens use DES: without the legacy provider, any listing of
// more than 1,000 keys fails with 500.)
// S3RVER_STRICT_SIGNATURES=1 makes it refuse requests whose signature does not match (wrong secret).
// Where s3rver differs from S3 in what the portal relies on, this script makes it behave as S3 does:
// - a PutObject (or a completed multipart upload) replaces the object whole or not at all: s3rver wrote straight
//   into the object's file, so a request that broke off left a truncated object;
// - conditional writes: If-None-Match: * and If-Match on PutObject, If-Match on DeleteObject answer
//   412 PreconditionFailed (404 NoSuchKey for If-Match on a missing key) as S3 does since 2024-2025; s3rver ignored them.
//   S3RVER_CONDITIONAL_WRITES=0 keeps ignoring them, as some S3-compatible stores still do;
// - additional checksums: a PutObject or UploadPart with x-amz-checksum-sha256 is refused with 400 BadDigest (and
//   nothing stored) when the bytes do not have that SHA-256, and answers with the header when they do. s3rver ignored
//   the header, so a body corrupted on the way was stored all the same. S3RVER_VERIFY_CHECKSUMS=0 stores such a body
//   without hashing it (the file benchmark: AWS hashes on its own machines, this server on its one event loop).
// Exits when its standard input closes, so a test process that dies takes its server with it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import S3rver from '@20minutes/s3rver';
import S3Error from '@20minutes/s3rver/lib/models/error.js';

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

// Whole or nothing: the bytes go to a temporary file (not listed: its name does not end in the object suffix) that
// replaces the object only once they all arrived.
server.store.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await fs.mkdir(path.dirname(objectPath), { recursive: true });
  const temp = `${objectPath}.incomplete-${randomUUID()}`;
  const [size, md5] = await writeChecked(this, temp, object.content);
  await fs.rename(temp, objectPath);
  await this.putMetadata(object.bucket, object.key, object.metadata, md5);
  return { size, md5 };
};

// A part goes to a temporary file too, so a part refused for its checksum leaves the part it replaced.
const putPart = server.store.putPart;
server.store.putPart = async function (bucket, uploadId, partNumber, content) {
  if (!verifyChecksums || !requests.getStore()?.headers['x-amz-checksum-sha256']) return putPart.call(this, bucket, uploadId, partNumber, content);
  const partPath = path.join(this.getResourcePath(bucket, undefined, 'uploads'), uploadId, partNumber.toString());
  await fs.mkdir(path.dirname(partPath), { recursive: true });
  const temp = `${partPath}.incomplete-${randomUUID()}`;
  const [size, md5] = await writeChecked(this, temp, content);
  await fs.rename(temp, partPath);
  await fs.writeFile(`${partPath}.md5`, md5);
  return { size, md5 };
};

// The request being served, so the store can see its checksum header.
const requests = new AsyncLocalStorage();

/**
 * Writes content to a file, hashing it on the way when the request names a SHA-256; the file is removed and 400
 * BadDigest thrown when the bytes do not have it. Returns [size, md5].
 */
async function writeChecked(store, file, content) {
  const ctx = requests.getStore();
  const expected = verifyChecksums ? ctx?.headers['x-amz-checksum-sha256'] : undefined;
  const hash = expected ? createHash('sha256') : null;
  const hashed = !hash ? content
    : Buffer.isBuffer(content) ? (hash.update(content), content)
    : passThrough(content, (chunk) => hash.update(chunk));
  let size, md5;
  try {
    [size, md5] = await store.putContent(file, hashed);
  } catch (err) {
    await fs.rm(file, { force: true });
    throw err;
  }
  if (!hash) return [size, md5];
  const actual = hash.digest('base64');
  if (actual !== expected) {
    await fs.rm(file, { force: true });
    throw new S3Error('BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
  }
  ctx.set('x-amz-checksum-sha256', actual);
  return [size, md5];
}

function passThrough(source, onChunk) {
  const through = new Transform({ transform(chunk, _encoding, callback) { onChunk(chunk); callback(null, chunk); } });
  source.on('error', (err) => through.destroy(err)); // a request that breaks off fails the write, as before
  return source.pipe(through);
}

const verifyChecksums = process.env.S3RVER_VERIFY_CHECKSUMS !== '0';
const conditionalWrites = process.env.S3RVER_CONDITIONAL_WRITES !== '0';

async function currentETag(bucket, key) {
  try {
    return JSON.parse((await server.store.getMetadata(bucket, key)).etag);
  } catch {
    return null; // no such object
  }
}

function fail(ctx, status, code, message) {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

// S3's answer to a conditional PutObject or DeleteObject whose condition does not hold; null when it holds.
async function precondition(ctx, bucket, key) {
  const noneMatch = ctx.headers['if-none-match'];
  const match = ctx.headers['if-match'];
  if (!noneMatch && !match) return null;
  const etag = await currentETag(bucket, key);
  const unquote = (v) => v.trim().replace(/^"|"$/g, '');
  if (noneMatch && unquote(noneMatch) === '*' && etag !== null) return [412, 'PreconditionFailed'];
  if (match && etag === null) return [404, 'NoSuchKey'];
  if (match && unquote(match) !== '*' && unquote(match) !== etag) return [412, 'PreconditionFailed'];
  return null;
}

// Runs before s3rver's own middleware.
server.middleware.unshift(async (ctx, next) => {
  // The SDK sends x-amz-copy-source URL-encoded ('/' as %2F); s3rver only calls decodeURI on it, so CopyObject and
  // UploadPartCopy would look for a key that does not exist. Decoded once here and encoded again (keeping '/'), the
  // header survives s3rver's own decodeURI as S3 reads it: decoded exactly once, so a key holding a literal escape
  // ('percent%20literal.txt') is copied from itself, not from 'percent literal.txt'.
  const source = ctx.headers['x-amz-copy-source'];
  if (source) ctx.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(source));

  // s3rver answers NotImplemented to ListMultipartUploads and 405 to AbortMultipartUpload. Both are
  // served here from s3rver's own upload folders so the engine's clean-up of abandoned multipart
  // uploads can be tested against real leftovers.
  const [bucket, ...keyParts] = ctx.path.split('/').filter((p) => p.length > 0);
  const uploadsDir = bucket ? path.join(directory, decodeURIComponent(bucket), '._S3rver_uploads') : '';
  if (ctx.method === 'GET' && bucket && keyParts.length === 0 && 'uploads' in ctx.query) {
    return listUploads(ctx, decodeURIComponent(bucket), uploadsDir, ctx.query.prefix ?? '');
  }
  const isPutObject = ctx.method === 'PUT' && !ctx.headers['x-amz-copy-source'] && !ctx.query.uploadId;
  const isDeleteObject = ctx.method === 'DELETE' && !ctx.query.uploadId;
  if (conditionalWrites && bucket && keyParts.length > 0 && (isPutObject || isDeleteObject)) {
    const failed = await precondition(ctx, decodeURIComponent(bucket), keyParts.map(decodeURIComponent).join('/'));
    if (failed) {
      const [status, code] = failed;
      return fail(ctx, status, code, status === 412
        ? 'At least one of the pre-conditions you specified did not hold'
        : 'The specified key does not exist.');
    }
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

// First of all: the store's methods see the request they serve.
server.middleware.unshift((ctx, next) => requests.run(ctx, next));

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
