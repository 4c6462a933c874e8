/**
 * Answer a registration from the command line, for the README's curl tour: reads the start
 * response (`{sessionId, clientRequest, ...}`) on stdin and prints the complete body
 * `{clientResponse}` made by the software authenticator (a real ES256 attestation).
 *
 *   curl ... /registrations/default | npx tsx test/support/softAuthenticatorCli.ts > complete.json
 */
import { createSoftAuthenticator } from './createSoftAuthenticator';

const origin = process.env.KEYFORM_PUBLIC_URL ?? 'http://localhost:3000';
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', () => {
  const started = JSON.parse(input) as {
    clientRequest?: Parameters<ReturnType<typeof createSoftAuthenticator>['createCredential']>[0];
  };
  if (!started.clientRequest) {
    process.stderr.write(
      `expected a start response with clientRequest, got: ${input.slice(0, 200)}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const clientResponse = createSoftAuthenticator({ origin }).createCredential(
    started.clientRequest,
  );
  process.stdout.write(`${JSON.stringify({ clientResponse })}\n`);
});
