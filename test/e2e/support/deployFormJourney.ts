import type { Page } from 'playwright-core';
import type { startTestServer } from './startTestServer';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Uploads a form version as an integrator would (POST /api/forms/{name}/versions) and a
 * process that shows it in one `customDataForm` step, then makes a start link for it. The
 * returned `storedData` reads what the server captured for the instance the page is on.
 */
export async function deployFormJourney(
  server: Server,
  {
    name,
    schema,
    uischema,
    i18n,
  }: {
    name: string;
    schema: unknown;
    uischema?: unknown;
    i18n?: unknown;
  },
) {
  const form = await server.api('POST', `/api/forms/${name}/versions`, {
    schema,
    ...(uischema === undefined ? {} : { uischema }),
    ...(i18n === undefined ? {} : { i18n }),
  });
  if (form.status !== 201) throw new Error(`form upload: ${JSON.stringify(form.body)}`);
  const definition = {
    name,
    start: 'start',
    nodes: {
      start: { type: 'start', next: 'form' },
      form: {
        type: 'customDataForm',
        inputs: { formName: name, formVersion: form.body.version, formDataKey: 'form' },
        next: 'end',
      },
      end: { type: 'end', inputs: { message: 'Thank you, your answers were saved.' } },
    },
  };
  const process = await server.api(
    'POST',
    `/api/process-manager/processDefinitions/${name}/versions`,
    { definition },
  );
  if (process.status !== 201) throw new Error(`process upload: ${JSON.stringify(process.body)}`);
  const token = await server.api('POST', '/api/process-manager/processTokens', {
    name,
    processDefnName: name,
    type: 'UNLIMITED',
  });
  if (token.status !== 201) throw new Error(`process token: ${JSON.stringify(token.body)}`);
  return {
    startLink: token.body.startProcessAddress as string,
    endMessage: 'Thank you, your answers were saved.',
    /** The data the server stored for the journey open in `page` (after it was submitted). */
    storedData: async (page: Page) => {
      const instanceId = /\/flow\/([^/?#]+)/.exec(page.url())?.[1];
      if (!instanceId) throw new Error(`not on a flow page: ${page.url()}`);
      const instance = await server.api(
        'GET',
        `/api/process-manager/processInstances/${decodeURIComponent(instanceId)}`,
      );
      return instance.body.captures?._dataForms?.form?.currentCapture?.data as unknown;
    },
  };
}
