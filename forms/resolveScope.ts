import { isPlainObject } from './isPlainObject';

/** `#/properties/a/properties/b`: the only scope form Keyform accepts. */
export const CONTROL_SCOPE_PATTERN = /^#\/properties\/[^/]+(\/properties\/[^/]+)*$/;
/** Bounds `$ref` chains (including cyclic ones) while resolving. */
const MAX_REF_HOPS = 32;

export type ResolveScopeOptions = {
  schema: unknown;
  scope: string;
};

/**
 * Returns the property schema a JSON Forms Control scope points at, following local `$ref`s
 * like the renderer does; `undefined` if the scope is malformed or names no declared property.
 */
export function resolveScope({ schema, scope }: ResolveScopeOptions): unknown {
  // Anything but nested `properties` steps is outside what the UI may bind to.
  if (!CONTROL_SCOPE_PATTERN.test(scope)) return undefined;
  const names = scope.split('/').filter((_, index) => index > 0 && index % 2 === 0);
  let node: unknown = schema;
  for (const name of names) {
    const target = followRefs(schema, node);
    const properties = isPlainObject(target) ? target.properties : undefined;
    const key = unescapePointer(name);
    // Own properties only, so names like "toString" never resolve through the prototype.
    if (!isPlainObject(properties) || !Object.hasOwn(properties, key)) return undefined;
    node = properties[key];
  }
  return followRefs(schema, node);
}

function followRefs(root: unknown, node: unknown): unknown {
  let current = node;
  for (let hop = 0; hop < MAX_REF_HOPS; hop += 1) {
    const ref = isPlainObject(current) ? current.$ref : undefined;
    if (typeof ref !== 'string') return current;
    current = resolvePointer(root, ref);
  }
  return undefined;
}

function resolvePointer(root: unknown, ref: string): unknown {
  // Only local pointers survive earlier validation; anything else resolves to nothing.
  if (ref !== '#' && !ref.startsWith('#/')) return undefined;
  let node = root;
  for (const segment of ref.split('/').slice(1)) {
    const key = unescapePointer(decodeSegment(segment));
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    const child: unknown = Reflect.get(node, key);
    node = child;
  }
  return node;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed percent-escapes are kept verbatim; they then simply fail to resolve.
    return segment;
  }
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
