// The registry this project installs from serves only the platform binaries it needs
// (linux x64/arm64 glibc): `npm install` then leaves other platforms' optional packages out
// of package-lock.json, and `npm ci` refuses the lockfile as out of sync. This adds each
// missing optional package as an entry npm skips on this platform (os/cpu/libc say so),
// so `npm ci` installs exactly what was tested. Run after `npm install`: node scripts/completeLockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    packages[key] = {
      version,
      ...platformOf(name),
      optional: true,
      ...(entry.dev ? { dev: true } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`completeLockfile: added ${added} platform-only optional packages`);

/** os/cpu/libc from the package name, the convention every native-binary package here follows. */
function platformOf(name) {
  const os = [
    'darwin',
    'win32',
    'android',
    'freebsd',
    'openbsd',
    'netbsd',
    'sunos',
    'aix',
    'linux',
    'openharmony',
  ].find((o) => name.includes(o));
  const cpu = [
    'arm64',
    'x64',
    'ia32',
    'arm',
    'riscv64',
    'ppc64',
    's390x',
    'loong64',
    'mips64el',
    'wasm32',
  ].find((c) => new RegExp(`[-_]${c}(?:[-_]|$)`).test(name));
  const libc = name.includes('musl')
    ? ['musl']
    : os === 'linux' && name.includes('gnu')
      ? ['glibc']
      : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc } : {}) };
}
