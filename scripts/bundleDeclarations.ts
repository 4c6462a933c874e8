/**
 * The browser SDKs' type declarations, generated from their sources (renderer/sdk/vite.config.ts
 * writes them to dist/sdk/<name>.d.ts). An integrator fetches `/sdk/<name>.d.ts` alone, so each
 * entry becomes one self-contained file: tsc's declarations of the entry and of the local modules
 * it reaches, with only the declarations the entry's exports need, inlined. What the entry does
 * not export stays private to the file. Each file is declared on its own (isolated declarations,
 * no type checker: fast enough for every build), so a needed declaration must spell out its
 * types; tsc's complaint about one, a needed type from a package, a renamed import or two needed
 * declarations of the same name stop the build instead of being guessed.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where a name is declared: a module (by source path) and its name there. */
interface Binding {
  file: string;
  name: string;
}

/** One module's emitted declarations, indexed by what they declare, import and export. */
interface DeclarationModule {
  file: string;
  source: ts.SourceFile;
  dts: ts.SourceFile;
  /** What tsc could not declare without a checker (positions in `source`). */
  problems: readonly ts.Diagnostic[];
  declared: Map<string, ts.Statement[]>;
  /** Local name → the binding it imports; `file` is a package name for a non-relative import. */
  imported: Map<string, Binding & { external: boolean }>;
  /** Exported name → the binding in this or another local module. */
  exported: Map<string, Binding>;
}

/**
 * One declaration text per entry that is a module (a classic script such as page-bridge.ts
 * declares nothing for a consumer and is left out), keyed by the entry's path.
 */
export function bundleDeclarations(entries: readonly string[]): Map<string, string> {
  const options = declarationOptions();
  const modules = new Map<string, DeclarationModule>();

  const moduleOf = (file: string): DeclarationModule => {
    const known = modules.get(file);
    if (known) return known;
    const text = ts.sys.readFile(file);
    if (text === undefined) throw new Error(`cannot read ${file}`);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const emitted = ts.transpileDeclaration(text, {
      fileName: file,
      compilerOptions: options,
      reportDiagnostics: true,
    });
    const dts = ts.createSourceFile(
      `${file}.d.ts`,
      emitted.outputText,
      ts.ScriptTarget.Latest,
      true,
    );
    const module = indexModule(
      { file, source, dts, problems: emitted.diagnostics ?? [] },
      (specifier) => resolveImport(specifier, file, options),
    );
    modules.set(file, module);
    return module;
  };

  const result = new Map<string, string>();
  for (const entry of entries) {
    const module = moduleOf(entry);
    if (ts.isExternalModule(module.source)) result.set(entry, bundle(module, moduleOf));
  }
  return result;
}

/** The project's own compiler options (tsconfig.json), set to emit declarations only. */
function declarationOptions(): ts.CompilerOptions {
  const path = join(repoRoot, 'tsconfig.json');
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) throw new Error(format([read.error]));
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    read.config.compilerOptions,
    repoRoot,
    path,
  );
  if (errors.length > 0) throw new Error(format(errors));
  return { ...options, noEmit: false, declaration: true, emitDeclarationOnly: true };
}

function resolveImport(specifier: string, from: string, options: ts.CompilerOptions) {
  if (!specifier.startsWith('.')) return { file: specifier, external: true };
  const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
  if (!resolved) throw new Error(`${from}: cannot resolve ${specifier}`);
  return { file: resolved.resolvedFileName, external: false };
}

function indexModule(
  emitted: Pick<DeclarationModule, 'file' | 'source' | 'dts' | 'problems'>,
  resolve: (specifier: string) => { file: string; external: boolean },
): DeclarationModule {
  const { file, dts } = emitted;
  const module: DeclarationModule = {
    ...emitted,
    declared: new Map(),
    imported: new Map(),
    exported: new Map(),
  };
  for (const statement of dts.statements) {
    if (ts.isImportDeclaration(statement)) {
      const target = resolve((statement.moduleSpecifier as ts.StringLiteral).text);
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (clause?.name || (bindings && !ts.isNamedImports(bindings)))
        throw new Error(`${file}: only named imports can be bundled`);
      for (const element of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
        const name = (element.propertyName ?? element.name).text;
        module.imported.set(element.name.text, { ...target, name });
      }
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause || !ts.isNamedExports(clause))
        throw new Error(`${file}: \`export *\` cannot be bundled`);
      const from = statement.moduleSpecifier
        ? resolve((statement.moduleSpecifier as ts.StringLiteral).text)
        : null;
      if (from?.external) throw new Error(`${file}: re-exports from ${from.file}`);
      for (const element of clause.elements) {
        const name = (element.propertyName ?? element.name).text;
        if (from) module.exported.set(element.name.text, { file: from.file, name });
        else module.exported.set(element.name.text, { file, name });
      }
    } else if (ts.isExportAssignment(statement)) {
      throw new Error(`${file}: a default export cannot be bundled`);
    } else {
      for (const name of declaredNames(statement)) {
        module.declared.set(name, [...(module.declared.get(name) ?? []), statement]);
        if (hasExportModifier(statement)) module.exported.set(name, { file, name });
      }
    }
  }
  return module;
}

/** The comment a source file opens with (its description), if any. */
function fileComment(source: ts.SourceFile) {
  const first = ts.getLeadingCommentRanges(source.text, 0)?.[0];
  return first && source.text.startsWith('/**', first.pos)
    ? source.text.slice(first.pos, first.end)
    : undefined;
}

/** The entry's declarations and, inlined, every local declaration they reach. */
function bundle(entry: DeclarationModule, moduleOf: (file: string) => DeclarationModule) {
  const header = fileComment(entry.source);
  const keyOf = (binding: Binding) => `${binding.file}#${binding.name}`;
  const included = new Map<string, Binding>();
  const byName = new Map<string, string>();
  const queue: Binding[] = [];

  // A binding as its module sees it, followed through imports and re-exports to its declaration.
  const declarationOf = (binding: Binding, seen = new Set<string>()): Binding | null => {
    const key = keyOf(binding);
    if (seen.has(key)) throw new Error(`${key} is part of an export cycle`);
    seen.add(key);
    const module = moduleOf(binding.file);
    if (module.declared.has(binding.name)) return binding;
    const imported = module.imported.get(binding.name);
    if (imported?.external)
      throw new Error(
        `${relative(repoRoot, binding.file)} needs ${binding.name} from ${imported.file}: SDK declarations must not depend on packages`,
      );
    // Inlined, a declaration keeps its own name: an alias would name nothing.
    if (imported && imported.name !== binding.name)
      throw new Error(`${binding.file}: a renamed import (${binding.name}) cannot be bundled`);
    if (imported) return exportOf(imported, seen);
    return null;
  };
  const exportOf = (binding: Binding, seen: Set<string>): Binding => {
    const target = moduleOf(binding.file).exported.get(binding.name);
    if (!target) throw new Error(`${binding.file} does not export ${binding.name}`);
    const found = declarationOf(target, seen);
    if (!found) throw new Error(`${binding.file} exports ${binding.name} but declares none`);
    return found;
  };
  const include = (binding: Binding) => {
    const key = keyOf(binding);
    if (included.has(key)) return;
    const other = byName.get(binding.name);
    if (other !== undefined)
      throw new Error(`two declarations named ${binding.name}: ${other} and ${key}`);
    byName.set(binding.name, key);
    included.set(key, binding);
    queue.push(binding);
  };

  // Each declaration the entry exports, with the names it is exported under.
  const publicNames = new Map<string, string[]>();
  for (const name of entry.exported.keys()) {
    const declaration = exportOf({ file: entry.file, name }, new Set());
    include(declaration);
    publicNames.set(keyOf(declaration), [...(publicNames.get(keyOf(declaration)) ?? []), name]);
  }
  while (queue.length > 0) {
    const binding = queue.shift()!;
    for (const statement of moduleOf(binding.file).declared.get(binding.name) ?? []) {
      for (const reference of referencedNames(statement)) {
        const declaration = declarationOf({ file: binding.file, name: reference });
        if (declaration) include(declaration);
      }
    }
  }

  for (const binding of included.values()) checkDeclarable(moduleOf(binding.file), binding.name);

  // Entry first, then the modules in the order they were reached; statements in source order.
  const statements = new Map<string, Set<ts.Statement>>();
  for (const binding of included.values()) {
    const own = statements.get(binding.file) ?? new Set();
    for (const statement of moduleOf(binding.file).declared.get(binding.name) ?? [])
      own.add(statement);
    statements.set(binding.file, own);
  }
  const files = [entry.file, ...[...statements.keys()].filter((f) => f !== entry.file)];
  const lines = [
    ...(header ? [header] : []),
    `// Generated from ${relative(repoRoot, entry.file)} by \`npm run build:renderer\`.\n`,
  ];
  const exportLater: string[] = [];
  let hasPrivate = false;
  for (const file of files) {
    const { dts } = moduleOf(file);
    const own = [...(statements.get(file) ?? [])].sort((a, b) => a.pos - b.pos);
    for (const statement of own) {
      const exportedAs = declaredNames(statement).flatMap((name) =>
        (publicNames.get(keyOf({ file, name })) ?? []).map((as) => [name, as] as const),
      );
      // Exported by its own `export` when the entry uses the declaration's name.
      const isPublic = hasExportModifier(statement) && exportedAs.some(([name, as]) => as === name);
      for (const [name, as] of exportedAs)
        if (!isPublic || as !== name) exportLater.push(as === name ? name : `${name} as ${as}`);
      if (!isPublic) hasPrivate = true;
      lines.push(statementText(statement, dts, { keepExport: isPublic, header }));
    }
  }
  if (exportLater.length > 0) lines.push(`export { ${exportLater.join(', ')} };`);
  // Without it, a declaration file exports even its declarations that lack `export`.
  else if (hasPrivate) lines.push('export {};');
  return `${lines.join('\n')}\n`;
}

/** Fails when tsc could not declare `name` of `module` on its own (a type left to inference). */
function checkDeclarable(module: DeclarationModule, name: string) {
  const sources = module.source.statements.filter((s) => declaredNames(s).includes(name));
  const inside = module.problems.filter(
    (d) =>
      d.start === undefined || sources.some((s) => d.start! >= s.getStart() && d.start! < s.end),
  );
  if (inside.length > 0)
    throw new Error(
      `${relative(repoRoot, module.file)}: ${name} needs its types spelled out: ${format(inside)}`,
    );
}

/**
 * A statement's text with its doc comment (the last `/**` before it, as editors show it: a file
 * comment above it stays behind); `export` removed from a private one.
 */
function statementText(
  statement: ts.Statement,
  dts: ts.SourceFile,
  { keepExport, header }: { keepExport: boolean; header: string | undefined },
) {
  const { text } = dts;
  const doc = ts
    .getLeadingCommentRanges(text, statement.getFullStart())
    ?.filter((range) => text.startsWith('/**', range.pos))
    .at(-1);
  const docText = doc && text.slice(doc.pos, doc.end);
  // The entry's file comment, which tsc may attach to its first declaration, is the header.
  const comment = docText && docText !== header ? `${docText}\n` : '';
  const exportKeyword = exportKeywordOf(statement);
  const start = statement.getStart(dts);
  const code =
    keepExport || !exportKeyword
      ? text.slice(start, statement.end)
      : text.slice(exportKeyword.end, statement.end).trimStart();
  return comment + code;
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) ? [d.name.text] : [],
    );
  if (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  )
    return statement.name && ts.isIdentifier(statement.name) ? [statement.name.text] : [];
  return [];
}

function exportKeywordOf(statement: ts.Statement) {
  if (!ts.canHaveModifiers(statement)) return undefined;
  return ts.getModifiers(statement)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasExportModifier(statement: ts.Statement) {
  return exportKeywordOf(statement) !== undefined;
}

/** The top-level names a declaration refers to (types, `typeof` values, base classes). */
function referencedNames(statement: ts.Statement): Set<string> {
  const names = new Set<string>();
  const typeParameters = new Set<string>();
  const leftmost = (node: ts.Node): ts.Node =>
    ts.isQualifiedName(node)
      ? leftmost(node.left)
      : ts.isPropertyAccessExpression(node)
        ? leftmost(node.expression)
        : node;
  const add = (node: ts.Node) => {
    const root = leftmost(node);
    if (ts.isIdentifier(root)) names.add(root.text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isTypeReferenceNode(node)) add(node.typeName);
    else if (ts.isTypeQueryNode(node)) add(node.exprName);
    else if (ts.isExpressionWithTypeArguments(node)) add(node.expression);
    else if (ts.isComputedPropertyName(node)) add(node.expression);
    else if (ts.isTypeParameterDeclaration(node)) typeParameters.add(node.name.text);
    else if (ts.isImportTypeNode(node))
      throw new Error(`an import() type cannot be bundled: ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  for (const name of typeParameters) names.delete(name);
  return names;
}

function format(diagnostics: readonly ts.Diagnostic[]) {
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ');
}
