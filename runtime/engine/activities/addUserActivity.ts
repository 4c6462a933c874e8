import { createUser } from '../../../identity/createUser';
import { IdentityError } from '../../../identity/IdentityError';
import type { UserInput } from '../../../identity/UserInput';
import { addUserFields } from '../../definition/ProcessDefinition';
import { usersOf } from '../contextPaths';
import type { AutomaticActivity } from './Activity';
import { failureOf, str } from './inputOf';

/** Add a user to a store and publish it at `_identityStore.users[userKey]`. */
export const addUserActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const userKey = str(inputs.userKey);
    if (!userKey)
      return {
        event: 'failedToAddUser',
        failure: { code: 'INVALID_INPUT', message: 'userKey resolved to nothing' },
      };
    const input: UserInput & { userKey: string } = { userKey };
    for (const field of addUserFields) {
      if (inputs[field] !== undefined && inputs[field] !== null)
        Object.assign(input, { [field]: inputs[field] });
    }
    try {
      const user = await createUser(deps, {
        tenantId: instance.tenantId,
        storeName: str(inputs.storeName) ?? 'default',
        input,
      });
      usersOf(instance.context)[userKey] = {
        id: user.id,
        userKey: user.userKey,
        externalId: user.externalId,
      };
      return {};
    } catch (error) {
      const notUnique = error instanceof IdentityError && error.code === 'EXT_ID_NOT_UNIQUE';
      return { event: notUnique ? 'extIdNotUnique' : 'failedToAddUser', failure: failureOf(error) };
    }
  },
};
