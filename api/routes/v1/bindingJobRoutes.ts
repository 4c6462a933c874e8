import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { BindingDeps } from '../../../identity/binding/BindingDeps';
import { createBindingJob } from '../../../identity/binding/createBindingJob';
import { createBindingJobs } from '../../../identity/binding/createBindingJobs';
import { findBindingJob } from '../../../identity/binding/findBindingJob';
import { listBindingJobs } from '../../../identity/binding/listBindingJobs';
import type { BindingJobRequest } from '../../../identity/binding/prepareBindingJob';
import { revokeBindingJob } from '../../../identity/binding/revokeBindingJob';
import { toBindingJobView } from '../../../identity/binding/toBindingJobView';
import {
  BatchJobBody,
  bindingErrors,
  CreatedJob,
  CreateJobBody,
  IdentityParams,
  JobList,
  JobListQuery,
  JobParams,
  JobView,
  TenantParams,
} from '../../schemas/binding';
import { pagingOf, realmOf, scopeAccess } from './scopeAccess';

const tags = ['Beyond Identity: credential binding jobs'];
const base = '/v1/tenants/:tenant/realms/:realm/identities/:identityId/credential-binding-jobs';
/** A job id, anchored, so that `{job}:revoke` and `{job}` are different routes. */
const job = ':jobId(^[A-Za-z0-9_-]+)';

type JobBody = {
  delivery_method: 'RETURN' | 'EMAIL';
  authenticator_config_id?: string;
  post_binding_redirect_uri?: string;
};
const requestOf = (job: JobBody, ttlSeconds?: number): BindingJobRequest => ({
  deliveryMethod: job.delivery_method,
  authenticatorConfigId: job.authenticator_config_id,
  postBindingRedirectUri: job.post_binding_redirect_uri,
  ttlSeconds,
});

/** Credential binding jobs: create (one or a batch), read, list with a filter, revoke. */
export const bindingJobRoutes: FastifyPluginAsyncTypebox<{ deps: BindingDeps }> = async (
  app,
  { deps },
) => {
  const address = (p: { tenant: string; realm: string; identityId: string; jobId: string }) => ({
    ...realmOf(p),
    userId: p.identityId,
    jobId: p.jobId,
  });

  app.post(
    base,
    {
      config: scopeAccess('credential-binding-jobs:create'),
      schema: {
        tags,
        summary:
          'Create a credential binding job (RETURN: the link is in the response; EMAIL: mailed)',
        params: IdentityParams,
        body: CreateJobBody,
        response: { 200: CreatedJob, ...bindingErrors },
      },
    },
    async (request) =>
      createBindingJob(deps, {
        ...realmOf(request.params),
        userId: request.params.identityId,
        request: requestOf(request.body.job, request.body.ttl_seconds),
      }),
  );

  app.post(
    '/v1/tenants/:tenant/realms/:realm/identities/-/credential-binding-jobs::batchCreate',
    {
      config: scopeAccess('credential-binding-jobs:create'),
      // 1000 requests of a few hundred bytes each.
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        summary: 'Create jobs for up to 1000 identities, all or none',
        params: TenantParams,
        body: BatchJobBody,
        response: { 200: Type.Object({ results: Type.Array(CreatedJob) }), ...bindingErrors },
      },
    },
    async (request) => ({
      results: await createBindingJobs(deps, {
        ...realmOf(request.params),
        requests: request.body.requests.map((r) => ({
          userId: r.identity_id,
          request: requestOf(r.job, r.ttl_seconds),
        })),
      }),
    }),
  );

  app.get(
    base,
    {
      config: scopeAccess('credential-binding-jobs:read'),
      schema: {
        tags,
        summary:
          'List jobs of an identity, or of the realm with identity `-`; filter e.g. `state eq "COMPLETE" and delivery_method eq "EMAIL"`',
        params: IdentityParams,
        querystring: JobListQuery,
        response: { 200: JobList, ...bindingErrors },
      },
    },
    async (request) =>
      listBindingJobs(deps, {
        ...realmOf(request.params),
        userId: request.params.identityId,
        filter: request.query.filter,
        ...pagingOf(request.query),
      }),
  );

  app.get(
    `${base}/${job}`,
    {
      config: scopeAccess('credential-binding-jobs:read'),
      schema: {
        tags,
        summary: 'Get a credential binding job',
        params: JobParams,
        response: { 200: JobView, ...bindingErrors },
      },
    },
    async (request) =>
      toBindingJobView(await findBindingJob(deps, address(request.params)), deps.now()),
  );

  app.post(
    `${base}/${job}::revoke`,
    {
      config: scopeAccess('credential-binding-jobs:revoke'),
      schema: {
        tags,
        summary: 'Revoke a job: its link stops working (409 once complete)',
        params: JobParams,
        response: { 200: JobView, ...bindingErrors },
      },
    },
    async (request) =>
      toBindingJobView(await revokeBindingJob(deps, address(request.params)), deps.now()),
  );
};
