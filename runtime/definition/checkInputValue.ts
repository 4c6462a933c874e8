import { appendPointer } from '../../core/appendPointer';
import { isPlainObject } from '../../core/isPlainObject';
import { validatePlainText } from '../../forms/validatePlainText';
import { isForbiddenName } from '../expressions/isForbiddenName';
import { describeValue } from './describeValue';
import { isDefinitionName } from './isDefinitionName';
import { isSingleExpression } from './isSingleExpression';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';

type InputKind =
  | { kind: 'boolean' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'string' }
  | { kind: 'name' }
  | { kind: 'text'; maxLength: number }
  | { kind: 'constants' };

const BOOLEAN: InputKind = { kind: 'boolean' };
const STRING: InputKind = { kind: 'string' };
const NAME: InputKind = { kind: 'name' };
const integer = (min: number, max = Number.MAX_SAFE_INTEGER): InputKind => ({
  kind: 'integer',
  min,
  max,
});

/**
 * Literal types per input name (names mean the same in every activity). Inputs not listed
 * (attributes, nationalities, browserResponse, deriveDecisionFrom) take any JSON value.
 */
const INPUT_KINDS: Readonly<Record<string, InputKind>> = {
  createUser: BOOLEAN,
  hideButtons: BOOLEAN,
  readonly: BOOLEAN,
  failCheckOnCancel: BOOLEAN,
  decisionOnAnyFailure: BOOLEAN,
  delaySeconds: integer(0),
  timeoutSeconds: integer(1, 3600),
  maxAttempts: integer(1, 20),
  formVersion: integer(1),
  pageVersion: integer(1),
  formName: NAME,
  pageName: NAME,
  constants: { kind: 'constants' },
  // The end step shows it to the end user.
  message: { kind: 'text', maxLength: 1000 },
  failureMessage: { kind: 'text', maxLength: 1000 },
  formDataKey: STRING,
  pageKey: STRING,
  registrationKey: STRING,
  authenticationKey: STRING,
  authenticationPolicy: STRING,
  challenge: STRING,
  storeName: STRING,
  relyingPartyId: STRING,
  registrationPolicy: STRING,
  userId: STRING,
  userExternalId: STRING,
  userKey: STRING,
  userName: STRING,
  userDisplayName: STRING,
  userHandle: STRING,
  externalId: STRING,
  email: STRING,
  firstName: STRING,
  lastName: STRING,
  dateOfBirth: STRING,
  locale: STRING,
  status: STRING,
  timezone: STRING,
  type: STRING,
  redirectUrl: STRING,
};

/** Constant names become path segments under `customPageParameters`, so keep them plain. */
const CONSTANT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const EXPRESSION_HINT = `or a "\${...}" expression`;

export type CheckInputValueOptions = {
  name: string;
  value: unknown;
  /** JSON pointer of the input in the upload. */
  path: string;
};

/**
 * Checks a literal input value against the type its activity expects. A string that is exactly
 * one `${...}` is typed only at run time, so it passes here (its syntax is checked elsewhere).
 */
export function checkInputValue({
  name,
  value,
  path,
}: CheckInputValueOptions): ProcessDefinitionIssue[] {
  const kind = INPUT_KINDS[name];
  // Untyped inputs and whole-string expressions cannot be judged before run time.
  if (kind === undefined || isSingleExpression(value)) return [];
  const received = describeValue(value);
  switch (kind.kind) {
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [{ path, message: `received ${received}; expected true or false ${EXPRESSION_HINT}` }];
    case 'integer':
      return Number.isSafeInteger(value) &&
        (value as number) >= kind.min &&
        (value as number) <= kind.max
        ? []
        : [
            {
              path,
              message: `received ${received}; expected an integer ${describeRange(kind)} ${EXPRESSION_HINT}`,
            },
          ];
    case 'string':
      return typeof value === 'string'
        ? []
        : [{ path, message: `received ${received}; expected a string` }];
    case 'name':
      return isDefinitionName(value)
        ? []
        : [
            {
              path,
              message: `received ${received}; expected a name of 1-64 letters, digits, "_", "." or "-" starting with a letter or digit ${EXPRESSION_HINT}`,
            },
          ];
    case 'text':
      return validatePlainText({ value, path, maxLength: kind.maxLength });
    case 'constants':
      return checkConstants({ value, path });
  }
}

function describeRange({ min, max }: { min: number; max: number }): string {
  return max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
}

function checkConstants({
  value,
  path,
}: {
  value: unknown;
  path: string;
}): ProcessDefinitionIssue[] {
  // A custom page reads its constants by name: only an object maps names to values.
  if (!isPlainObject(value)) {
    return [
      {
        path,
        message: `received ${describeValue(value)}; expected an object of NAME: value ${EXPRESSION_HINT}`,
      },
    ];
  }
  return Object.keys(value)
    .filter((key) => !CONSTANT_NAME.test(key) && !isForbiddenName(key))
    .map((key) => ({
      path: appendPointer(path, key),
      message: `received constant name ${describeValue(key)}; expected 1-64 letters, digits or "_", not starting with a digit`,
    }));
}
