import { dirname, relative } from "node:path";
import ts from "typescript";

// The guard behind lib/db/tenant-usage.test.ts, read with the TypeScript compiler rather than regular
// expressions: every function of any form (declaration, arrow, method, function expression, in any
// folder) that takes the caller's Scope — by its parameter's type, written or inferred — must not reach
// the owner's client getDb(), which row-level security does not bind: not directly, not through an alias,
// and not through a helper of lib/db that it calls (followed to any depth).

export interface OwnerClientUse {
  /** file:function of the scoped function, relative to the root. */
  at: string;
  /** The path from it to getDb: helper names, ending in "getDb". */
  via: string[];
}

/** A parameter typed with Scope (Scope, Pick<Scope, …>, Scope | null …): as written, or as inferred when unwritten. */
function takesScopeParameter(checker: ts.TypeChecker, fn: FunctionLike): boolean {
  return fn.parameters.some((p) => /\bScope\b/.test(p.type ? p.type.getText() : checker.typeToString(checker.getTypeAtLocation(p))));
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

const isFunctionLike = (node: ts.Node): node is FunctionLike =>
  ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);

function nameOf(node: FunctionLike): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
  return `<function at line ${line + 1}>`;
}

/** A program of the files the guard reads, with the project's compiler options (plain strict ones outside a project). */
export function programFor(root: string, files: string[]): ts.Program {
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
  const options = configPath
    ? ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dirname(configPath)).options
    : { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  return ts.createProgram(files, { ...options, noEmit: true, incremental: false, skipLibCheck: true });
}

export function findOwnerClientUses(program: ts.Program, root: string, files: string[], ownerClientFile: string): OwnerClientUse[] {
  const checker = program.getTypeChecker();
  const inScope = new Set(files);
  const takesScope = (fn: FunctionLike) => takesScopeParameter(checker, fn);
  const isOwnerClient = (decl: ts.Declaration) => ts.isFunctionDeclaration(decl) && decl.name?.text === "getDb" && decl.getSourceFile().fileName === ownerClientFile;

  /** The function a reference leads to, when it is one of lib/db's own (so it can be followed). */
  function declarationsOf(identifier: ts.Identifier): ts.Declaration[] {
    let symbol = checker.getSymbolAtLocation(identifier);
    if (!symbol) return [];
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol.declarations ?? [];
  }

  function bodyOf(decl: ts.Declaration): FunctionLike | null {
    if (isFunctionLike(decl)) return decl;
    if (ts.isVariableDeclaration(decl) && decl.initializer && isFunctionLike(decl.initializer)) return decl.initializer;
    return null;
  }

  const memo = new Map<ts.Node, string[] | null>();
  /** The path from `fn` to getDb, or null. */
  function reachesOwner(fn: FunctionLike): string[] | null {
    if (memo.has(fn)) return memo.get(fn)!;
    memo.set(fn, null); // recursion guard
    let found: string[] | null = null;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node)) {
        for (const decl of declarationsOf(node)) {
          if (isOwnerClient(decl)) {
            found = ["getDb"];
            return;
          }
          const callee = bodyOf(decl);
          if (callee && callee !== fn && inScope.has(callee.getSourceFile().fileName)) {
            const via = reachesOwner(callee);
            if (via) {
              found = [nameOf(callee), ...via];
              return;
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    memo.set(fn, found);
    return found;
  }

  const uses: OwnerClientUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node) => {
      if (isFunctionLike(node) && node.body && takesScope(node)) {
        const via = reachesOwner(node);
        if (via) uses.push({ at: `${relative(root, file)}:${nameOf(node)}`, via });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** How many scoped functions the guard read, so a guard that finds none cannot pass unnoticed. */
export function countScopedFunctions(program: ts.Program, files: string[]): number {
  const checker = program.getTypeChecker();
  let count = 0;
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (isFunctionLike(node) && node.body && takesScopeParameter(checker, node)) count += 1;
      ts.forEachChild(node, visit);
    };
    visit(program.getSourceFile(file)!);
  }
  return count;
}
