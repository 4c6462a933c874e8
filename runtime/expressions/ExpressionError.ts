/**
 * Why an expression was refused: its text does not parse (SYNTAX), it parses but uses something
 * outside the allowed grammar or reaches a forbidden name (FORBIDDEN), or it is over the size or
 * depth caps (TOO_COMPLEX). Definition upload maps all three to a 400 naming the template path.
 */
export const expressionErrorCodes = [
  'EXPRESSION_SYNTAX',
  'EXPRESSION_FORBIDDEN',
  'EXPRESSION_TOO_COMPLEX',
] as const;
export type ExpressionErrorCode = (typeof expressionErrorCodes)[number];

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  /** The source that was refused: the text inside `${...}`, or the whole template string. */
  readonly expression: string;

  constructor(
    code: ExpressionErrorCode,
    message: string,
    options: { expression: string; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.expression = options.expression;
  }
}
