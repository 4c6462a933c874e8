import { fileURLToPath } from 'node:url';
import { bundleDeclarations } from '../../../scripts/bundleDeclarations';

/**
 * What the build generates for renderer/sdk/<name>.ts from the current sources: the text
 * /sdk/<name>.d.ts must serve, so a stale or hand-edited dist/sdk file fails the suite.
 */
export function generatedDeclarations(name: string): string {
  const source = fileURLToPath(new URL(`../../../renderer/sdk/${name}.ts`, import.meta.url));
  const text = bundleDeclarations([source]).get(source);
  if (text === undefined) throw new Error(`renderer/sdk/${name}.ts declares nothing`);
  return text;
}
