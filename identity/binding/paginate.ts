import { invalidField } from '../IdentityError';

const maxPageSize = 200;

/**
 * Beyond Identity's paging: `page_size` (default 20, at most 200), an opaque `page_token` that
 * carries the next offset and the page size, and `skip`, applied on every request on top.
 */
export function paginate({
  pageSize,
  pageToken,
  skip = 0,
}: {
  pageSize?: number;
  pageToken?: string;
  skip?: number;
}) {
  const fromToken = pageToken === undefined ? { offset: 0, size: 20 } : decode(pageToken);
  const size = Math.min(pageSize ?? fromToken.size, maxPageSize);
  const offset = fromToken.offset + skip;
  return {
    offset,
    limit: size,
    /** The token for the page after one that returned `count` of `total` items, if any. */
    next: (count: number, total: number) =>
      offset + count < total ? encode({ offset: offset + count, size }) : undefined,
  };
}

function encode(position: { offset: number; size: number }) {
  return Buffer.from(JSON.stringify([position.offset, position.size])).toString('base64url');
}

function decode(token: string) {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((n) => Number.isSafeInteger(n) && n >= 0) &&
      value[1] >= 1
    ) {
      return { offset: value[0] as number, size: value[1] as number };
    }
  } catch {
    // Falls through to the 400 below: a token we did not issue.
  }
  throw invalidField('querystring:/page_token', 'is not a page token this server issued');
}
