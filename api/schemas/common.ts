import { type TSchema, Type } from 'typebox';

/** Shared schema primitives: every route builds its body and response from these. */
export const Name = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
  description: 'letters, digits, `_ . -`; at most 64',
});
export const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_./-]+$' });
export const Base64Url = Type.String({ pattern: '^[A-Za-z0-9_-]*$' });
export const DateTime = Type.String({ format: 'date-time' });
export const ShortText = Type.String({ minLength: 1, maxLength: 256 });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable SNAKE_CASE code, see the README' }),
      message: Type.String(),
      details: Type.Optional(Type.Object({}, { additionalProperties: true })),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** `{items, page, size, total}`, the shape of every list. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    size: Type.Integer(),
    total: Type.Integer(),
  });

export const PageQuery = Type.Object(
  {
    page: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,8})$', description: 'from 0' })),
    size: Type.Optional(
      Type.String({
        pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$',
        description: '1–200, default 20',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Strict object: unknown properties are a 400, never silently dropped. */
export const Strict = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  410: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  429: ErrorResponse,
  503: ErrorResponse,
};

/** A free-form JSON object, validated further by the domain (definitions, page variables). */
export const Loose = Type.Object({}, { additionalProperties: true });

/** What uploading a new immutable version of a definition answers. */
export const CreatedVersion = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
});
