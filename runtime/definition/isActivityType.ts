import { type ActivityType, activityTypes } from './ProcessDefinition';

/** Narrows an untrusted `type` to a known activity. */
export function isActivityType(value: unknown): value is ActivityType {
  return typeof value === 'string' && (activityTypes as ReadonlyArray<string>).includes(value);
}
