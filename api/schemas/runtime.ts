import { Type } from 'typebox';
import { Loose, Strict } from './common';
import {
  AuthenticationResponse,
  CreationOptions,
  RegistrationResponse,
  RequestOptions,
} from './webauthn';

const FieldError = Type.Object({ path: Type.String(), message: Type.String() });

const base = {
  stepId: Type.String(),
  instanceId: Type.String(),
  title: Type.Optional(Type.String()),
  locale: Type.String(),
};
const formParts = {
  form: Type.Object({
    name: Type.String(),
    version: Type.Integer(),
    schema: Loose,
    uischema: Loose,
    texts: Type.Record(Type.String(), Type.String()),
  }),
  data: Loose,
  errors: Type.Array(FieldError),
  submitLabel: Type.String(),
  hideButtons: Type.Boolean(),
  delaySeconds: Type.Integer(),
};

/** The StepView union of runtime/engine/StepView.ts, as a response schema. */
export const StepViewSchema = Type.Union([
  Type.Object({ ...base, component: Type.Literal('form'), ...formParts, readonly: Type.Boolean() }),
  Type.Object({
    ...base,
    component: Type.Literal('passkeyForm'),
    ...formParts,
    ceremony: Type.Union([Type.Object({ creationOptions: CreationOptions }), Type.Null()]),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Object({
    ...base,
    component: Type.Literal('passkeySignIn'),
    ...formParts,
    autofill: Type.Union([Type.Object({ requestOptions: RequestOptions }), Type.Null()]),
    ceremony: Type.Union([Type.Object({ requestOptions: RequestOptions }), Type.Null()]),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Object({
    ...base,
    component: Type.Literal('page'),
    pageUrl: Type.String(),
    constants: Loose,
    ceremony: Type.Union([Type.Object({ creationOptions: CreationOptions }), Type.Null()]),
  }),
  Type.Object({
    ...base,
    component: Type.Literal('end'),
    outcome: Type.Union([
      Type.Literal('success'),
      Type.Literal('failure'),
      Type.Literal('misconfigured'),
    ]),
    message: Type.String(),
    decision: Type.Union([Type.String(), Type.Null()]),
    redirectUrl: Type.Union([Type.String(), Type.Null()]),
  }),
]);

/** What the browser may post for a step; strict, like every body. */
export const StepActionBody = Type.Union([
  Strict({
    action: Type.Literal('submit'),
    data: Type.Optional(Type.Object({}, { additionalProperties: true, maxProperties: 100 })),
    parameters: Type.Optional(Type.Object({}, { additionalProperties: true, maxProperties: 50 })),
    // A registration's or a sign-in's answer; the step's activity judges which it takes.
    browserResponse: Type.Optional(Type.Union([RegistrationResponse, AuthenticationResponse])),
  }),
  Strict({
    action: Type.Literal('cancel'),
    reason: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_.:-]*$' })),
  }),
  Strict({ action: Type.Literal('timeout') }),
]);

/** A dry run of a form step's submission: just the data. */
export const CheckStepBody = Strict({
  data: Type.Object({}, { additionalProperties: true, maxProperties: 100 }),
});

/** The field errors a submission of that data would get (none: it would be accepted). */
export const CheckStepResult = Strict({ errors: Type.Array(FieldError) });

export const LangQuery = Type.Object(
  { lang: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })) },
  { additionalProperties: false },
);
