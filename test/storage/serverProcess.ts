import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now. */
export async function freePort() {
  return new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}

export type ServerProcess = ReturnType<typeof startServer>;

/**
 * The real `api/server.ts` in a child process. It runs as `node --import tsx` rather than through
 * the `tsx` binary: that binary is a wrapper that forwards signals to a grandchild, and a
 * SIGKILL, which cannot be forwarded, would leave the real server running.
 */
export function startServer({
  dataDir,
  port,
  adminToken,
}: {
  dataDir: string;
  port: number;
  adminToken: string;
}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEYFORM_DATA_DIR: dataDir,
      KEYFORM_PUBLIC_URL: `http://localhost:${port}`,
      KEYFORM_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    pid: child.pid ?? -1,
    baseUrl,
    stderr: () => stderr,
    exited,
    /** Resolves once GET /health answers 200; rejects if the process exits first. */
    async ready(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let gone = false;
      void exited.then(() => {
        gone = true;
      });
      while (Date.now() < deadline) {
        if (gone) throw new Error(`server exited before it was ready: ${stderr}`);
        try {
          const response = await fetch(`${baseUrl}/health`, {
            signal: AbortSignal.timeout(1_000),
          });
          if (response.status === 200) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`server not ready after ${timeoutMs} ms: ${stderr}`);
    },
    /** Kill it (if still running) and wait for the exit. */
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
