import type { PageMessage, PasskeyRequest } from './PageProtocol';

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_VARIABLES = 50;
const MAX_JSON_BYTES = 48 * 1024;
const MAX_DEPTH = 16;

export type ParsedPageMessage =
  | PageMessage
  | { event: 'INVALID'; message: string; requestId: string | null }
  | null;

/**
 * A message from the page's frame, checked for shape before the host acts on it. `null` for
 * anything that is not one of ours (pages may post other things: ignored); `INVALID` for one
 * of ours that is malformed, so the host can tell the page why nothing happened.
 */
export function parsePageMessage(data: unknown): ParsedPageMessage {
  if (!isPlainObject(data) || typeof data.event !== 'string') return null;
  switch (data.event) {
    case 'READY':
      return { event: 'READY' };
    case 'CANCEL':
      return { event: 'CANCEL' };
    case 'SEND': {
      const problem = checkVariables(data.variables);
      if (problem) return { event: 'INVALID', message: problem, requestId: null };
      return { event: 'SEND', variables: data.variables as Record<string, unknown> };
    }
    case 'CREATE_PASSKEY':
      return parseCreatePasskey(data);
    default:
      return null;
  }
}

function parseCreatePasskey(data: Record<string, unknown>): ParsedPageMessage {
  const { requestId, publicKey = null, user = null } = data;
  // Without an id the answer could not be matched to the call: not ours to answer.
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) return null;
  const invalid = (message: string) => ({ event: 'INVALID' as const, message, requestId });
  let request: PasskeyRequest | null = null;
  if (publicKey !== null) {
    if (!isPlainObject(publicKey)) return invalid('publicKey must be an object');
    const { challenge, rpId, userId } = publicKey;
    if (typeof challenge !== 'string' || !BASE64URL.test(challenge))
      return invalid('publicKey.challenge must be base64url');
    if (rpId !== undefined && typeof rpId !== 'string') return invalid('rpId must be a string');
    if (userId !== undefined && (typeof userId !== 'string' || !BASE64URL.test(userId)))
      return invalid('userId must be base64url');
    request = {
      challenge,
      ...(typeof rpId === 'string' ? { rpId } : {}),
      ...(typeof userId === 'string' ? { userId } : {}),
    };
  }
  let names: { userName: string; displayName?: string } | null = null;
  if (user !== null) {
    if (!isPlainObject(user) || !isShortText(user.userName))
      return invalid('user.userName must be a text of 1-128 characters');
    if (user.displayName !== undefined && !isShortText(user.displayName))
      return invalid('user.displayName must be a text of 1-128 characters');
    names = {
      userName: user.userName,
      ...(typeof user.displayName === 'string' ? { displayName: user.displayName } : {}),
    };
  }
  return { event: 'CREATE_PASSKEY', requestId, publicKey: request, user: names };
}

/** Variables travel into the instance context: plain names, plain JSON, bounded. */
function checkVariables(variables: unknown): string | null {
  if (!isPlainObject(variables)) return 'variables must be an object of NAME: value';
  const names = Object.keys(variables);
  if (names.length > MAX_VARIABLES) return `at most ${MAX_VARIABLES} variables`;
  const odd = names.find((name) => !NAME.test(name));
  if (odd !== undefined)
    return `variable name ${JSON.stringify(odd.slice(0, 64))} is not a plain name`;
  if (!isJson(variables)) return 'variables must be plain JSON (no buffers, dates, maps, NaN)';
  if (new TextEncoder().encode(JSON.stringify(variables)).length > MAX_JSON_BYTES)
    return `variables exceed ${MAX_JSON_BYTES} bytes of JSON`;
  return null;
}

function isJson(value: unknown): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      continue;
    }
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(node)) return false;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 128;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
