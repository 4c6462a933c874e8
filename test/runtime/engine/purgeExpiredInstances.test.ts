import { afterEach, beforeEach, expect, it } from 'vitest';
import { purgeExpiredInstances } from '../../../runtime/engine/purgeExpiredInstances';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { openStartLink } from '../../support/flowClient';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

it('answers 410 for an expired instance within the grace and purges it after', async () => {
  const flow = await openStartLink(t);
  t.clock.now += 48 * 3_600_000;
  expect((await flow.refresh()).body.error.code).toBe('INSTANCE_EXPIRED');
  expect(await purgeExpiredInstances(t.app.deps)).toBe(0);
  t.clock.now += 3_600_001;
  expect(await purgeExpiredInstances(t.app.deps)).toBe(1);
  expect((await flow.refresh()).body.error.code).toBe('INSTANCE_NOT_FOUND');
});
