import { isoNow } from '../../core/isoNow';
import { displayNameOf } from '../displayNameOf';
import type { BindingDeps } from './BindingDeps';
import { linkOf } from './buildBindingLink';
import { loadBindingEmail } from './mail/loadBindingEmail';
import type { PreparedBindingJob } from './prepareBindingJob';

const concurrency = 16;

/**
 * Mail the link of every EMAIL job (RETURN jobs are handed back instead). A job whose mail could
 * not be sent moves LINK_SENT → FAILED_TO_SEND, so the caller and later reads see it.
 */
export async function deliverBindingJobs(deps: BindingDeps, prepared: PreparedBindingJob[]) {
  const emails = prepared.filter((p) => p.job.deliveryMethod === 'EMAIL');
  if (emails.length === 0) return prepared;
  const render = await loadBindingEmail(deps);
  const queue = [...emails];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { job, token, user } = next;
      const link = linkOf(deps, job, token);
      const content = render({
        display_name: displayNameOf(user) ?? user.userKey,
        username: user.userKey,
        link,
        expire_time: new Date(job.expiresAt).toISOString(),
      });
      const outcome = await deps.mailer.send({ reference: job.id, to: user.email!, ...content });
      if (outcome.ok) continue;
      const updatedAt = isoNow(deps);
      await deps.records.bindingJobs.transition(job, ['LINK_SENT'], {
        state: 'FAILED_TO_SEND',
        failure_code: outcome.code,
        updated_at: updatedAt,
      });
      Object.assign(job, { state: 'FAILED_TO_SEND', failureCode: outcome.code, updatedAt });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, emails.length) }, worker));
  return prepared;
}
