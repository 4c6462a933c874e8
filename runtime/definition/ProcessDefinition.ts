/** A process definition as integrators upload it (DESIGN §5). */
export interface ProcessDefinition {
  name: string;
  description?: string;
  /** The id of the `start` node. */
  start: string;
  nodes: Record<string, ProcessNode>;
}

export interface ProcessNode {
  type: ActivityType;
  /** Activity inputs; strings may hold `${...}` expressions over the instance context. */
  inputs?: Record<string, unknown>;
  /** The next node: an id, or ordered guarded branches (the first whose `when` holds wins). */
  next?: string | Array<{ when?: string; to: string }>;
  /** Boundary events of the activity → node id. */
  on?: Record<string, string>;
  /** Shown in the admin view and the renderer's page title. */
  label?: string;
}

export const activityTypes = [
  'start',
  'end',
  'addUser',
  'startPasskeyRegistration',
  'passkeyRegistrationForm',
  'customDataForm',
  'customPage',
  'completePasskeyRegistration',
  'startPasskeyAuthentication',
  'passkeyAuthenticationForm',
  'completePasskeyAuthentication',
  'simpleDecider',
] as const;
export type ActivityType = (typeof activityTypes)[number];

/** Activities that stop the engine and wait for the end user. */
export const userStepTypes: ReadonlySet<ActivityType> = new Set([
  'passkeyRegistrationForm',
  'passkeyAuthenticationForm',
  'customDataForm',
  'customPage',
]);

/** The user fields an addUser node may set, each an input of the same name. */
export const addUserFields = [
  'externalId',
  'email',
  'firstName',
  'lastName',
  'dateOfBirth',
  'locale',
  'nationalities',
  'status',
  'timezone',
  'type',
  'attributes',
] as const;

/** Per activity: required and optional inputs, and the boundary events it can raise. */
export const activitySpecs: Record<
  ActivityType,
  { required: string[]; optional: string[]; events: string[] }
> = {
  start: { required: [], optional: [], events: [] },
  end: { required: [], optional: ['message', 'failureMessage', 'redirectUrl'], events: [] },
  addUser: {
    required: ['userKey'],
    optional: ['storeName', ...addUserFields],
    events: ['failedToAddUser', 'extIdNotUnique'],
  },
  startPasskeyRegistration: {
    required: ['relyingPartyId', 'registrationPolicy'],
    optional: [
      'registrationKey',
      'storeName',
      'userId',
      'userExternalId',
      'userKey',
      'createUser',
      'userName',
      'userDisplayName',
      'userHandle',
    ],
    events: ['failedIdStoreCall'],
  },
  passkeyRegistrationForm: {
    required: ['formName'],
    optional: [
      'formVersion',
      'formDataKey',
      'registrationKey',
      'hideButtons',
      'delaySeconds',
      'timeoutSeconds',
    ],
    events: ['userCancelled', 'timeout'],
  },
  customDataForm: {
    required: ['formName'],
    optional: [
      'formVersion',
      'formDataKey',
      'hideButtons',
      'delaySeconds',
      'maxAttempts',
      'readonly',
    ],
    events: ['maxAttemptsReached', 'userCancelled'],
  },
  customPage: {
    required: ['pageName'],
    optional: ['pageVersion', 'pageKey', 'constants', 'registrationKey', 'timeoutSeconds'],
    events: ['userCancelled', 'timeout'],
  },
  completePasskeyRegistration: {
    required: [],
    optional: ['registrationKey', 'browserResponse', 'failCheckOnCancel'],
    events: ['userCancelled', 'failedIdStoreCall', 'verificationFailed'],
  },
  startPasskeyAuthentication: {
    required: ['relyingPartyId', 'authenticationPolicy'],
    optional: [
      'authenticationKey',
      'challenge',
      'storeName',
      'userId',
      'userExternalId',
      'userKey',
    ],
    events: ['failedIdStoreCall'],
  },
  passkeyAuthenticationForm: {
    required: ['formName'],
    optional: [
      'formVersion',
      'formDataKey',
      'authenticationKey',
      'hideButtons',
      'delaySeconds',
      'timeoutSeconds',
    ],
    events: ['userCancelled', 'timeout'],
  },
  completePasskeyAuthentication: {
    required: [],
    optional: ['authenticationKey', 'browserResponse'],
    events: ['userCancelled', 'noPasskey', 'verificationFailed', 'failedIdStoreCall'],
  },
  simpleDecider: {
    required: [],
    optional: ['decisionOnAnyFailure', 'deriveDecisionFrom'],
    events: [],
  },
};
