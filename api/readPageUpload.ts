import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { decodePageFiles } from '../pages/decodePageFiles';
import { PageError } from '../pages/PageError';
import { type PageBundleLimits, pageBundleLimits } from '../pages/pageBundleLimits';
import { unzipPageBundle } from '../pages/unzipPageBundle';
import type { PageFileInput } from '../pages/validatePageBundle';

/** @fastify/multipart's limit errors, by code, as ours. */
const multipartCodes: Record<string, (limits: PageBundleLimits) => PageError> = {
  FST_REQ_FILE_TOO_LARGE: (l) =>
    new PageError('PAGE_TOO_LARGE', `a file part is larger than ${l.maxBundleBytes} bytes`),
  FST_FILES_LIMIT: (l) =>
    new PageError(
      'PAGE_TOO_LARGE',
      `received more than ${l.maxFiles} files; expected at most ${l.maxFiles}`,
    ),
  FST_PARTS_LIMIT: (l) =>
    new PageError(
      'PAGE_TOO_LARGE',
      `received more than ${l.maxFiles} parts; expected at most ${l.maxFiles}`,
    ),
  FST_FIELDS_LIMIT: () =>
    new PageError(
      'PAGE_INVALID',
      'received a form field; expected only file parts, each with a filename (its path)',
    ),
  FST_PROTO_VIOLATION: () => new PageError('PAGE_INVALID', 'received a forbidden part name'),
};

/**
 * The files of a page upload, whichever form it came in: multipart file parts (the filename is
 * the path; one `.zip` part is unzipped), a raw `application/zip` body, or JSON
 * `{files: {path: base64}}`. Caps are applied while reading, before anything is kept whole.
 */
export async function readPageUpload(
  request: FastifyRequest,
  { limits = pageBundleLimits }: { limits?: PageBundleLimits } = {},
): Promise<PageFileInput[]> {
  if (request.isMultipart()) return unzipIfSingleZip(await readParts(request, limits), limits);
  if (Buffer.isBuffer(request.body)) return unzipped(request.body, limits);
  const body = request.body as { files?: Record<string, string> } | undefined;
  const decoded = decodePageFiles({ files: body?.files ?? {} });
  if (!decoded.ok) throw decoded.error;
  return decoded.files;
}

async function readParts(request: FastifyRequest, limits: PageBundleLimits) {
  const files: Array<PageFileInput & { mimetype: string }> = [];
  let total = 0;
  try {
    const parts = request.parts({
      preservePath: true,
      limits: {
        files: limits.maxFiles,
        parts: limits.maxFiles,
        fields: 10,
        fieldSize: 1024,
        fileSize: limits.maxBundleBytes,
        headerPairs: 100,
      },
    });
    for await (const part of parts) {
      // A field is most likely a file sent without a filename: its path would be lost.
      if (part.type !== 'file') {
        throw new PageError(
          'PAGE_INVALID',
          `received form field '${part.fieldname.slice(0, 64)}'; expected only file parts, each with a filename (its path)`,
        );
      }
      const bytes = await part.toBuffer();
      total += bytes.length;
      // Each part is capped by busboy; the sum is ours to watch.
      if (total > limits.maxBundleBytes) {
        throw new PageError(
          'PAGE_TOO_LARGE',
          `received more than ${limits.maxBundleBytes} bytes in all; expected at most ${limits.maxBundleBytes}`,
        );
      }
      files.push({ path: part.filename, bytes: new Uint8Array(bytes), mimetype: part.mimetype });
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const mapped = typeof code === 'string' ? multipartCodes[code] : undefined;
    if (mapped) throw mapped(limits);
    throw error;
  }
  return files;
}

function unzipIfSingleZip(
  files: Array<PageFileInput & { mimetype: string }>,
  limits: PageBundleLimits,
) {
  const [only] = files;
  const zip =
    files.length === 1 &&
    only !== undefined &&
    (only.path.toLowerCase().endsWith('.zip') || /zip/.test(only.mimetype));
  if (zip) return unzipped(only.bytes, limits);
  return files.map(({ path, bytes }) => ({ path, bytes }));
}

function unzipped(zip: Uint8Array, limits: PageBundleLimits) {
  const result = unzipPageBundle({ zip, limits });
  if (!result.ok) throw result.error;
  return result.files;
}
