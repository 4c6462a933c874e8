import type { ActivityType } from '../../definition/ProcessDefinition';
import type { Activity } from './Activity';
import { addUserActivity } from './addUserActivity';
import { completePasskeyAuthenticationActivity } from './completePasskeyAuthenticationActivity';
import { completePasskeyRegistrationActivity } from './completePasskeyRegistrationActivity';
import { customDataFormActivity } from './customDataFormActivity';
import { customPageActivity } from './customPageActivity';
import { passkeyAuthenticationFormActivity } from './passkeyAuthenticationFormActivity';
import { passkeyRegistrationFormActivity } from './passkeyRegistrationFormActivity';
import { simpleDeciderActivity } from './simpleDeciderActivity';
import { startPasskeyAuthenticationActivity } from './startPasskeyAuthenticationActivity';
import { startPasskeyRegistrationActivity } from './startPasskeyRegistrationActivity';

const passThrough: Activity = { kind: 'automatic', run: async () => ({}) };

/** The activity behind each node type (`end` is the engine's own). */
export const activities: Partial<Record<ActivityType, Activity>> = {
  start: passThrough,
  addUser: addUserActivity,
  startPasskeyRegistration: startPasskeyRegistrationActivity,
  passkeyRegistrationForm: passkeyRegistrationFormActivity,
  customDataForm: customDataFormActivity,
  customPage: customPageActivity,
  completePasskeyRegistration: completePasskeyRegistrationActivity,
  startPasskeyAuthentication: startPasskeyAuthenticationActivity,
  passkeyAuthenticationForm: passkeyAuthenticationFormActivity,
  completePasskeyAuthentication: completePasskeyAuthenticationActivity,
  simpleDecider: simpleDeciderActivity,
};
