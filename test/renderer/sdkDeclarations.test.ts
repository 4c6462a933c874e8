import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDeclarations } from '../../scripts/bundleDeclarations';

/**
 * The declarations served at /sdk/<name>.d.ts are what the build writes: bundleDeclarations'
 * text for each SDK. Here that text is checked against the sources with tsc: it compiles on its
 * own (an integrator loads it alone), exports exactly what the source module exports, and each
 * export has the source's type (a consumer of both, with an equality assertion per export).
 */
const sdkNames = ['page', 'embedded'] as const;
const sourceOf = (name: string) =>
  fileURLToPath(new URL(`../../renderer/sdk/${name}.ts`, import.meta.url));

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noEmit: true,
  // The served files are declaration files: they must be checked too.
  skipLibCheck: false,
  types: [],
};

let dir: string;
let declarations: Map<string, string>;
let program: ts.Program;

const servedPath = (name: string) => join(dir, `${name}.d.ts`);
const consumerPath = (name: string) => join(dir, `${name}.consumer.ts`);

/** Each export of a module, with whether it is a value (function, class) or only a type. */
function exportsOf(checker: ts.TypeChecker, file: ts.SourceFile) {
  const module = checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`${file.fileName} is not a module`);
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return {
      name: symbol.name,
      isValue: (target.flags & ts.SymbolFlags.Value) !== 0,
      isClass: (target.flags & ts.SymbolFlags.Class) !== 0,
    };
  });
}

// Type identity (as vitest's toEqualTypeOf). A class is compared by its public members: its
// private ones make any two declarations of it distinct.
const helpers = `
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Public<T> = { [K in keyof T]: T[K] };
type Statics<T> = {
  [K in keyof T as K extends 'prototype' ? never : K]: T[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<Public<R>>
    : T[K];
};
`;

function consumerOf(name: string, exported: ReturnType<typeof exportsOf>) {
  const checks = exported.map(({ name: member, isValue, isClass }) => {
    const declared = `Declared.${member}`;
    const source = `Source.${member}`;
    if (isClass)
      return [
        `export const ${member}Instance: Equal<Public<${declared}>, Public<${source}>> = true;`,
        `export const ${member}Statics: Equal<Statics<typeof ${declared}>, Statics<typeof ${source}>> = true;`,
      ].join('\n');
    if (isValue)
      return `export const ${member}Value: Equal<typeof ${declared}, typeof ${source}> = true;`;
    return `export const ${member}Type: Equal<${declared}, ${source}> = true;`;
  });
  return [
    `import type * as Declared from './${name}';`,
    `import type * as Source from ${JSON.stringify(sourceOf(name).replace(/\.ts$/, ''))};`,
    helpers,
    ...checks,
  ].join('\n');
}

const problems = (file: string) =>
  ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

beforeAll(async () => {
  declarations = bundleDeclarations([...sdkNames, 'page-bridge'].map(sourceOf));
  dir = await mkdtemp(join(tmpdir(), 'keyform-sdk-declarations-'));
  for (const name of sdkNames) {
    const text = declarations.get(sourceOf(name));
    if (text !== undefined) await writeFile(servedPath(name), text);
  }
  // Each SDK's exports, from its source and from its served declarations.
  const roots = sdkNames.flatMap((name) => [servedPath(name), sourceOf(name)]);
  const listing = ts.createProgram({ rootNames: roots, options: compilerOptions });
  const checker = listing.getTypeChecker();
  for (const name of sdkNames) {
    const exported = exportsOf(checker, listing.getSourceFile(sourceOf(name))!);
    await writeFile(consumerPath(name), consumerOf(name, exported));
  }
  program = ts.createProgram({
    rootNames: [...roots, ...sdkNames.map(consumerPath)],
    options: compilerOptions,
    oldProgram: listing,
  });
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the SDK declarations', () => {
  it('are written for each SDK module, and none for the page bridge (a classic script)', () => {
    expect([...declarations.keys()].sort()).toEqual(sdkNames.map(sourceOf).sort());
  });

  it.each(sdkNames)('%s.d.ts compiles on its own, importing nothing', (name) => {
    expect(problems(servedPath(name))).toEqual([]);
    const { importedFiles, referencedFiles, typeReferenceDirectives } = ts.preProcessFile(
      declarations.get(sourceOf(name))!,
    );
    expect([...importedFiles, ...referencedFiles, ...typeReferenceDirectives]).toEqual([]);
  });

  it.each(sdkNames)('%s.d.ts exports exactly what the source exports', (name) => {
    const checker = program.getTypeChecker();
    const names = (file: string) =>
      exportsOf(checker, program.getSourceFile(file)!)
        .map((e) => `${e.name}${e.isValue ? ' (value)' : ''}`)
        .sort();
    expect(names(servedPath(name))).toEqual(names(sourceOf(name)));
  });

  it.each(sdkNames)('%s.d.ts gives each export the type the source has', (name) => {
    expect(problems(consumerPath(name))).toEqual([]);
  });

  it('declares the page SDK as a custom page uses it', () => {
    const text = declarations.get(sourceOf('page'))!;
    for (const declared of [
      'export declare function ready(): Promise<PageVariables>;',
      'export declare function createPasskey(user?: {',
      'export declare class PasskeyError extends Error {',
      'export type PasskeyFailureReason = CancelReason | ',
    ])
      expect(text).toContain(declared);
    // Private to the file: the renderer's own names do not become part of the SDK.
    expect(text).not.toMatch(/export (declare )?(const|type) (cancelReasons|CancelReason)\b/);
  });
});
