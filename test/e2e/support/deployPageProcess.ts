// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is Keyform's expression syntax in process definitions, not a mistaken template literal.
import type { startTestServer } from './startTestServer';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Upload `html` as page `name` (version 1), a process `name` that shows it (bound to a
 * passkey registration when `registration`), and a start token; returns the start link.
 */
export async function deployPageProcess(
  server: Server,
  { name, html, registration = false }: { name: string; html: string; registration?: boolean },
) {
  const uploaded = await server.api('POST', `/api/pages/${name}/versions`, {
    files: { 'index.html': Buffer.from(html).toString('base64') },
  });
  if (uploaded.status !== 201)
    throw new Error(`page not uploaded: ${JSON.stringify(uploaded.body)}`);
  const page = {
    type: 'customPage',
    label: name,
    inputs: {
      pageName: name,
      pageKey: 'page',
      constants: { greeting: 'world', rpId: '${_parameters.rpId}' },
      ...(registration ? { registrationKey: 'passkeyReg1' } : {}),
    },
    next: registration ? 'complete' : 'end',
  };
  const nodes = registration
    ? {
        start: { type: 'start', next: 'startReg' },
        startReg: {
          type: 'startPasskeyRegistration',
          inputs: {
            relyingPartyId: '${_parameters.rpId}',
            registrationPolicy: 'default',
            createUser: true,
          },
          next: 'page',
        },
        page,
        complete: {
          type: 'completePasskeyRegistration',
          inputs: {
            browserResponse:
              '${_customUis.page.currentCapture.customPageParameters.passkeyRegClientResponse.value}',
          },
          next: 'decide',
        },
        decide: { type: 'simpleDecider', inputs: { decisionOnAnyFailure: true }, next: 'end' },
        end: { type: 'end' },
      }
    : {
        start: { type: 'start', next: 'page' },
        page,
        end: { type: 'end', inputs: { message: 'Thanks, your answers were saved.' } },
      };
  const definition = { name, start: 'start', nodes };
  const deployed = await server.api(
    'POST',
    `/api/process-manager/processDefinitions/${name}/versions`,
    { definition },
  );
  if (deployed.status !== 201) throw new Error(`process refused: ${JSON.stringify(deployed.body)}`);
  const token = await server.api('POST', '/api/process-manager/processTokens', {
    name,
    processDefnName: name,
    type: 'UNLIMITED',
    parameters: { rpId: 'localhost' },
  });
  if (token.status !== 201) throw new Error(`token refused: ${JSON.stringify(token.body)}`);
  return token.body.startProcessAddress as string;
}
