import { describe, expect, it } from 'vitest';
import { createTurnAdmission } from '../../api/createTurnAdmission';
import { buildTestApp } from '../support/buildTestApp';
import { store } from '../support/registrationHelpers';

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('createTurnAdmission', () => {
  it('lets requests in at once while the turn is within its budget', () => {
    const admission = createTurnAdmission({ budgetMs: 10, now: () => 0 });
    const order: number[] = [];
    for (let i = 0; i < 3; i++) admission.admit(() => order.push(i));
    expect(order).toEqual([0, 1, 2]);
  });

  it('holds whoever comes once the budget is spent, and lets them in oldest first in later turns', async () => {
    let clock = 0;
    const admission = createTurnAdmission({ budgetMs: 10, now: () => clock });
    const order: string[] = [];
    admission.admit(() => order.push('a'));
    clock = 11; // request a took 11 ms of this turn
    admission.admit(() => order.push('b'));
    admission.admit(() => order.push('c'));
    expect(order).toEqual(['a']);
    expect(admission.waiting()).toBe(2);
    // Not in this turn's check phase: the loop first gets a turn of its own.
    await nextTurn();
    expect(order).toEqual(['a']);
    // A newcomer in a fresh turn still queues behind those already waiting.
    admission.admit(() => order.push('d'));
    while (admission.waiting() > 0) await nextTurn();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lets fewer in per turn when a turn ran over, more when it stayed within', async () => {
    let clock = 0;
    const admission = createTurnAdmission({ budgetMs: 10, now: () => clock });
    const admitted: number[] = [];
    admission.admit(() => undefined);
    clock = 20;
    for (let i = 0; i < 40; i++) admission.admit(() => admitted.push(i));
    const perTurn: number[] = [];
    while (admission.waiting() > 0) {
      const before = admitted.length;
      await nextTurn();
      if (admitted.length > before) perTurn.push(admitted.length - before);
      // Cheap turns (1 ms), but the 5th and 6th let in run over the budget.
      clock += perTurn.length === 5 || perTurn.length === 6 ? 30 : 1;
    }
    expect(perTurn.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 4, 3, 4]);
    expect(admitted).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});

describe('the API under a spent budget', () => {
  it('answers every request and never holds a health check', async () => {
    // A budget no turn stays within: everybody after the first of a turn waits.
    const t = await buildTestApp({ config: { loopBudgetMs: 1e-9 } });
    try {
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.request('POST', `${store}/users`, { body: { userKey: `u${i}` } }),
        ),
      );
      expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect((await t.request('GET', `${store}/users?size=50`)).body.total).toBe(20);
      expect((await t.request('GET', '/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
