import { CBORTag, type CBORType, decodePartialCBOR, encodeCBOR } from '@levischuck/tiny-cbor';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import fc from 'fast-check';
import { fromBase64url, toBase64url } from './base64url';

/**
 * Mutations of a valid RegistrationResponseJSON for property tests: one field at one layer is
 * dropped, retyped, truncated, enlarged or re-encoded. The layers are the JSON itself, the
 * clientDataJSON object, the attestation object's CBOR map, the authenticator data's binary
 * parts and the COSE key inside it. A mutation is plain data, so fast-check prints the one that
 * failed; `applyMutation` turns it into a response (any JSON value).
 */
export type Mutation =
  | { layer: 'json'; path: readonly string[]; op: JsonOp }
  | { layer: 'clientData'; member: string | null; op: ClientDataOp }
  | { layer: 'attestationObject'; member: string | null; op: CborOp }
  | { layer: 'authData'; part: AuthDataPart; op: BytesOp }
  | { layer: 'coseKey'; label: number | null; op: CborOp };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonOp =
  | { op: 'drop' }
  | { op: 'retype'; value: Json }
  | { op: 'truncate'; keep: number }
  | { op: 'enlarge'; extra: string }
  | { op: 'reencode'; how: 'padded' | 'standardAlphabet' | 'danglingChar' | 'padBits' | 'space' };
type ClientDataOp =
  | JsonOp
  | { op: 'rawText'; text: string }
  | {
      op: 'reencodeJson';
      how: 'indented' | 'reordered' | 'escaped' | 'bom' | 'duplicateMember' | 'badUtf8';
    };
type CborOp =
  | { op: 'drop' }
  | { op: 'retype'; value: CborValue }
  | { op: 'truncate'; keep: number }
  | { op: 'enlarge'; extra: Uint8Array }
  | { op: 'add'; key: string | number; value: CborValue }
  | {
      op: 'reencode';
      how: 'longMapHeader' | 'indefiniteMap' | 'tagged' | 'reordered' | 'longIntegers';
    };
type BytesOp =
  | { op: 'drop' }
  | { op: 'truncate'; keep: number }
  | { op: 'enlarge'; extra: Uint8Array }
  | { op: 'flip'; offset: number; bit: number }
  | { op: 'replace'; bytes: Uint8Array };
type AuthDataPart =
  | 'rpIdHash'
  | 'flags'
  | 'counter'
  | 'aaguid'
  | 'credentialIdLength'
  | 'credentialId'
  | 'credentialPublicKey';
type CborValue = CBORType;

const bytes = (max = 40) => fc.uint8Array({ minLength: 1, maxLength: max });
const json: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 24 }),
  bytes().map(toBase64url),
  fc.constant<Json>([]),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);
/** The values whose type differs most from what a member expects. */
const structural = fc.constantFrom<Json>(null, [], {}, 0, '', true);
const cborValue: fc.Arbitrary<CborValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -70_000, max: 70_000 }),
  fc.string({ maxLength: 24 }),
  bytes(),
  fc.array(fc.integer({ min: -30, max: 30 }), { maxLength: 3 }),
  bytes(8).map((b) => new CBORTag(24, b)),
);
const jsonOp: fc.Arbitrary<JsonOp> = fc.oneof(
  fc.constant({ op: 'drop' as const }),
  fc.oneof(structural, json).map((value) => ({ op: 'retype' as const, value })),
  fc.nat().map((keep) => ({ op: 'truncate' as const, keep })),
  fc.string({ minLength: 1, maxLength: 12 }).map((extra) => ({ op: 'enlarge' as const, extra })),
  fc
    .constantFrom('padded', 'standardAlphabet', 'danglingChar', 'padBits', 'space' as const)
    .map((how) => ({ op: 'reencode' as const, how })),
);
const cborOp = (withDrop: boolean): fc.Arbitrary<CborOp> =>
  fc.oneof(
    ...(withDrop ? [fc.constant({ op: 'drop' as const })] : []),
    cborValue.map((value) => ({ op: 'retype' as const, value })),
    fc.nat().map((keep) => ({ op: 'truncate' as const, keep })),
    bytes(12).map((extra) => ({ op: 'enlarge' as const, extra })),
    fc
      .record({
        key: fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -8, max: 8 })),
        value: cborValue,
      })
      .map(({ key, value }) => ({ op: 'add' as const, key, value })),
    fc
      .constantFrom(
        'longMapHeader',
        'indefiniteMap',
        'tagged',
        'reordered',
        'longIntegers' as const,
      )
      .map((how) => ({ op: 'reencode' as const, how })),
  );
const bytesOp: fc.Arbitrary<BytesOp> = fc.oneof(
  fc.constant({ op: 'drop' as const }),
  fc.nat().map((keep) => ({ op: 'truncate' as const, keep })),
  bytes(24).map((extra) => ({ op: 'enlarge' as const, extra })),
  fc
    .record({ offset: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) })
    .map(({ offset, bit }) => ({ op: 'flip' as const, offset, bit })),
  bytes(80).map((replacement) => ({ op: 'replace' as const, bytes: replacement })),
);

/** Every mutation, weighted towards the layers the HTTP schema cannot see into. */
export const registrationResponseMutations: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      layer: fc.constant('json' as const),
      path: fc.constantFrom(
        [],
        ['id'],
        ['rawId'],
        ['type'],
        ['response'],
        ['response', 'clientDataJSON'],
        ['response', 'attestationObject'],
        ['response', 'transports'],
        ['response', 'publicKeyAlgorithm'],
        ['response', 'publicKey'],
        ['response', 'authenticatorData'],
        ['clientExtensionResults'],
        ['authenticatorAttachment'],
      ),
      op: jsonOp,
    }),
  },
  {
    // clientDataJSON that is valid JSON but not an object (`null` once gave a 500).
    weight: 1,
    arbitrary: fc.record({
      layer: fc.constant('clientData' as const),
      member: fc.constant(null),
      op: fc.oneof(structural, json).map((value) => ({ op: 'retype' as const, value })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      layer: fc.constant('clientData' as const),
      member: fc.constantFrom(null, 'type', 'challenge', 'origin', 'crossOrigin', 'topOrigin'),
      op: fc.oneof(
        jsonOp,
        fc.string({ maxLength: 16 }).map((text) => ({ op: 'rawText' as const, text })),
        fc
          .constantFrom(
            'indented',
            'reordered',
            'escaped',
            'bom',
            'duplicateMember',
            'badUtf8' as const,
          )
          .map((how) => ({ op: 'reencodeJson' as const, how })),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      layer: fc.constant('attestationObject' as const),
      member: fc.constantFrom(null, 'fmt', 'attStmt', 'authData'),
      op: cborOp(true),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      layer: fc.constant('authData' as const),
      part: fc.constantFrom(
        'rpIdHash',
        'flags',
        'counter',
        'aaguid',
        'credentialIdLength',
        'credentialId',
        'credentialPublicKey',
      ),
      op: bytesOp,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      layer: fc.constant('coseKey' as const),
      label: fc.constantFrom(null, 1, 3, -1, -2, -3),
      op: cborOp(true),
    }),
  },
);

/** The valid response with the mutation applied; the input is left as it was. */
export function applyMutation(valid: RegistrationResponseJSON, mutation: Mutation): unknown {
  const response = structuredClone(valid) as unknown as { [key: string]: Json } & {
    response: { [key: string]: Json };
  };
  switch (mutation.layer) {
    case 'json':
      return mutateJsonPath(response, mutation.path, mutation.op);
    case 'clientData': {
      const text = Buffer.from(fromBase64url(valid.response.clientDataJSON)).toString('utf8');
      response.response.clientDataJSON = toBase64url(mutateClientData(text, mutation));
      return response;
    }
    case 'attestationObject': {
      const bytes = fromBase64url(valid.response.attestationObject);
      response.response.attestationObject = toBase64url(
        mutateCborMap(bytes, mutation.member, mutation.op),
      );
      return response;
    }
    case 'authData':
    case 'coseKey': {
      const attestation = decodeMap(fromBase64url(valid.response.attestationObject));
      const authData = attestation.get('authData') as Uint8Array;
      attestation.set(
        'authData',
        mutation.layer === 'authData'
          ? mutateAuthData(authData, mutation.part, mutation.op)
          : mutateCoseKey(authData, mutation.label, mutation.op),
      );
      response.response.attestationObject = toBase64url(encodeCBOR(attestation));
      return response;
    }
  }
}

function mutateJsonPath(root: Json, path: readonly string[], op: JsonOp): Json {
  if (path.length === 0) return mutateJsonValue(root, op) ?? null;
  const parent = path
    .slice(0, -1)
    .reduce((node, key) => (node as Record<string, Json>)[key]!, root);
  const key = path.at(-1)!;
  const record = parent as Record<string, Json>;
  const changed = mutateJsonValue(record[key], op);
  if (changed === undefined) delete record[key];
  else record[key] = changed;
  return root;
}

/** undefined means "absent". */
function mutateJsonValue(value: Json | undefined, op: JsonOp): Json | undefined {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  switch (op.op) {
    case 'drop':
      return undefined;
    case 'retype':
      return op.value;
    case 'truncate':
      return Array.isArray(value)
        ? value.slice(0, op.keep % (value.length + 1))
        : text.slice(0, op.keep % (text.length + 1));
    case 'enlarge':
      return Array.isArray(value) ? [...value, op.extra] : `${text}${op.extra}`;
    case 'reencode':
      return reencodeBase64url(text, op.how);
  }
}

function reencodeBase64url(text: string, how: Extract<JsonOp, { op: 'reencode' }>['how']) {
  const padding = '='.repeat((4 - (text.length % 4)) % 4);
  switch (how) {
    case 'padded':
      return `${text}${padding || '===='}`;
    case 'standardAlphabet':
      return `${text.replaceAll('-', '+').replaceAll('_', '/')}${padding}`;
    // A length of 1 mod 4 leaves six bits that no decoder can place.
    case 'danglingChar':
      return `${text}${'A'.repeat((5 - (text.length % 4)) % 4 || 4)}`;
    case 'padBits': {
      // The last character carries bits beyond the data when the length is 2 or 3 mod 4.
      if (text.length % 4 < 2) return `${text.slice(0, -1)}_`;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const index = alphabet.indexOf(text.at(-1)!);
      return `${text.slice(0, -1)}${alphabet[index ^ 1]}`;
    }
    case 'space':
      return `${text.slice(0, 4)} ${text.slice(4)}`;
  }
}

function mutateClientData(
  text: string,
  { member, op }: Extract<Mutation, { layer: 'clientData' }>,
) {
  const data = JSON.parse(text) as Record<string, Json>;
  if (op.op === 'rawText') return Buffer.from(op.text, 'utf8');
  if (op.op === 'reencodeJson') return reencodeJson(data, text, op.how);
  if (member === null) {
    // The whole text: retyped, it is that JSON value; otherwise the text itself is changed.
    if (op.op === 'retype') return Buffer.from(JSON.stringify(op.value), 'utf8');
    const changed = op.op === 'drop' ? '' : mutateJsonValue(text, op);
    return Buffer.from(String(changed), 'utf8');
  }
  const changed = mutateJsonValue(data[member], op);
  if (changed === undefined) delete data[member];
  else data[member] = changed;
  return Buffer.from(JSON.stringify(data), 'utf8');
}

function reencodeJson(
  data: Record<string, Json>,
  text: string,
  how: Extract<ClientDataOp, { op: 'reencodeJson' }>['how'],
) {
  switch (how) {
    case 'indented':
      return Buffer.from(JSON.stringify(data, null, 2), 'utf8');
    case 'reordered':
      return Buffer.from(
        JSON.stringify(Object.fromEntries(Object.entries(data).reverse())),
        'utf8',
      );
    case 'escaped':
      return Buffer.from(
        text.replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
        'utf8',
      );
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'duplicateMember':
      return Buffer.from(`${text.slice(0, -1)},"challenge":"AAAA"}`, 'utf8');
    case 'badUtf8':
      return Buffer.concat([
        Buffer.from(text.slice(0, -2), 'utf8'),
        Buffer.from([0xff]),
        Buffer.from('"}'),
      ]);
  }
}

function decodeMap(bytes: Uint8Array) {
  const [value] = decodePartialCBOR(Uint8Array.from(bytes), 0);
  return value as Map<string | number, CBORType>;
}

/** A mutation of a CBOR map's bytes (`member` null) or of one of its entries. */
function mutateCborMap(bytes: Uint8Array, member: string | number | null, op: CborOp): Uint8Array {
  const map = decodeMap(bytes);
  if (op.op === 'reencode') return reencodeMap(map, op.how);
  if (op.op === 'add') return encodeCBOR(new Map([...map, [op.key, op.value]]));
  if (member === null) {
    switch (op.op) {
      case 'drop':
        return new Uint8Array();
      case 'retype':
        return encodeCBOR(op.value);
      case 'truncate':
        return bytes.slice(0, op.keep % bytes.length);
      case 'enlarge':
        return Uint8Array.from([...bytes, ...op.extra]);
    }
  }
  const value = map.get(member);
  switch (op.op) {
    case 'drop':
      map.delete(member);
      break;
    case 'retype':
      map.set(member, op.value);
      break;
    case 'truncate':
    case 'enlarge': {
      const current = value instanceof Uint8Array ? value : new TextEncoder().encode(String(value));
      const changed =
        op.op === 'truncate'
          ? current.slice(0, op.keep % (current.length + 1))
          : Uint8Array.from([...current, ...op.extra]);
      map.set(
        member,
        typeof value === 'string' ? Buffer.from(changed).toString('latin1') : changed,
      );
      break;
    }
  }
  return encodeCBOR(map);
}

function reencodeMap(
  map: Map<string | number, CBORType>,
  how: Extract<CborOp, { op: 'reencode' }>['how'],
): Uint8Array {
  const minimal = encodeCBOR(map);
  const body = minimal.slice(1);
  switch (how) {
    // The same map with a non-minimal (1-byte) length argument: a different encoding.
    case 'longMapHeader':
      return Uint8Array.from([0xb8, map.size, ...body]);
    case 'indefiniteMap':
      return Uint8Array.from([0xbf, ...body, 0xff]);
    // Tag 55799, "self-described CBOR" (RFC 8949 §3.4.6).
    case 'tagged':
      return Uint8Array.from([0xd9, 0xd9, 0xf7, ...minimal]);
    case 'reordered':
      return encodeCBOR(new Map([...map].reverse()));
    case 'longIntegers': {
      // Small non-negative integer values written with a 1-byte argument (0x18 n).
      const out: number[] = [minimal[0]!];
      for (const [key, value] of map) {
        out.push(...encodeCBOR(key));
        if (typeof value === 'number' && value >= 0 && value < 24) out.push(0x18, value);
        else out.push(...encodeCBOR(value));
      }
      return Uint8Array.from(out);
    }
  }
}

/** Offsets of the authenticator data's parts (WebAuthn L3 §6.1, §6.5.1). */
function partsOf(authData: Uint8Array) {
  const idLength = new DataView(authData.buffer, authData.byteOffset).getUint16(53);
  return {
    rpIdHash: [0, 32],
    flags: [32, 33],
    counter: [33, 37],
    aaguid: [37, 53],
    credentialIdLength: [53, 55],
    credentialId: [55, 55 + idLength],
    credentialPublicKey: [55 + idLength, authData.length],
  } satisfies Record<AuthDataPart, [number, number]>;
}

function mutateAuthData(authData: Uint8Array, part: AuthDataPart, op: BytesOp): Uint8Array {
  const [start, end] = partsOf(authData)[part];
  const before = authData.slice(0, start);
  const inside = authData.slice(start, end);
  const after = authData.slice(end);
  switch (op.op) {
    case 'drop':
      return Uint8Array.from([...before, ...after]);
    case 'truncate':
      return Uint8Array.from([...before, ...inside.slice(0, op.keep % (inside.length + 1))]);
    case 'enlarge':
      return Uint8Array.from([...before, ...inside, ...op.extra, ...after]);
    case 'flip': {
      const flipped = Uint8Array.from(authData);
      flipped[start + (op.offset % Math.max(1, inside.length))]! ^= 1 << op.bit;
      return flipped;
    }
    case 'replace':
      return Uint8Array.from([...before, ...op.bytes.slice(0, inside.length || 80), ...after]);
  }
}

function mutateCoseKey(authData: Uint8Array, label: number | null, op: CborOp): Uint8Array {
  const [start] = partsOf(authData).credentialPublicKey;
  const key = mutateCborMap(authData.slice(start), label, op);
  return Uint8Array.from([...authData.slice(0, start), ...key]);
}
