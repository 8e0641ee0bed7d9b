// An esbuild plugin for the scaling guard's build only (esbuild.mjs --tests builds
// test/unit/scaling.test.ts with it): every file of src/core is rewritten, at build time,
// with the TypeScript compiler API so that each function entry, each loop iteration and
// each spread (`[...text]`, which walks its operand) adds to a work counter. The product
// build never sees this plugin; src/ is untouched.
//
// The counter is `globalThis.__zhWork` ({ n }); test/unit/scaling.work.ts reads and resets
// it, and adds the work of the built-ins core calls (regex scans, slices, searches).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { factory } = ts;

/** `__work.n++;` */
function tick() {
  return factory.createExpressionStatement(
    factory.createPostfixIncrement(factory.createPropertyAccessExpression(factory.createIdentifier('__work'), 'n')),
  );
}

/** `body` as a block that first counts one unit of work. */
function countedBlock(body) {
  if (ts.isBlock(body)) return factory.updateBlock(body, [tick(), ...body.statements]);
  return factory.createBlock([tick(), body], true);
}

function transformer(context) {
  const visit = (node) => {
    node = ts.visitEachChild(node, visit, context);
    if (ts.isForStatement(node)) {
      return factory.updateForStatement(node, node.initializer, node.condition, node.incrementor, countedBlock(node.statement));
    }
    if (ts.isForOfStatement(node)) {
      return factory.updateForOfStatement(node, node.awaitModifier, node.initializer, node.expression, countedBlock(node.statement));
    }
    if (ts.isForInStatement(node)) return factory.updateForInStatement(node, node.initializer, node.expression, countedBlock(node.statement));
    if (ts.isWhileStatement(node)) return factory.updateWhileStatement(node, node.expression, countedBlock(node.statement));
    if (ts.isDoStatement(node)) return factory.updateDoStatement(node, countedBlock(node.statement), node.expression);
    if (ts.isSpreadElement(node)) {
      // `...x` walks x: count its length (or size) before spreading it.
      return factory.updateSpreadElement(
        node,
        factory.createCallExpression(factory.createPropertyAccessExpression(factory.createIdentifier('__work'), 'spread'), undefined, [node.expression]),
      );
    }
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isConstructorDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node)) &&
      node.body
    ) {
      // A constructor's first statement may be super(): the count may run before it (it
      // does not touch `this`).
      return updateBody(node, countedBlock(node.body));
    }
    if (ts.isArrowFunction(node)) {
      const body = ts.isBlock(node.body) ? countedBlock(node.body) : factory.createBlock([tick(), factory.createReturnStatement(node.body)], true);
      return factory.updateArrowFunction(node, node.modifiers, node.typeParameters, node.parameters, node.type, node.equalsGreaterThanToken, body);
    }
    return node;
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

function updateBody(node, body) {
  if (ts.isFunctionDeclaration(node)) {
    return factory.updateFunctionDeclaration(node, node.modifiers, node.asteriskToken, node.name, node.typeParameters, node.parameters, node.type, body);
  }
  if (ts.isFunctionExpression(node)) {
    return factory.updateFunctionExpression(node, node.modifiers, node.asteriskToken, node.name, node.typeParameters, node.parameters, node.type, body);
  }
  if (ts.isMethodDeclaration(node)) {
    return factory.updateMethodDeclaration(node, node.modifiers, node.asteriskToken, node.name, node.questionToken, node.typeParameters, node.parameters, node.type, body);
  }
  if (ts.isConstructorDeclaration(node)) return factory.updateConstructorDeclaration(node, node.modifiers, node.parameters, body);
  if (ts.isGetAccessorDeclaration(node)) return factory.updateGetAccessorDeclaration(node, node.modifiers, node.name, node.parameters, node.type, body);
  return factory.updateSetAccessorDeclaration(node, node.modifiers, node.name, node.parameters, body);
}

/** The instrumented text of one TypeScript file. */
export function instrument(fileName, text) {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const result = ts.transform(sourceFile, [transformer]);
  const printed = ts.createPrinter({ removeComments: true }).printFile(result.transformed[0]);
  result.dispose();
  const header =
    'const __work = ((globalThis as any).__zhWork ??= { n: 0, spread(x: any) { this.n += (x?.length ?? x?.size ?? 0) + 1; return x; } });\n';
  return header + printed;
}

/** The esbuild plugin: instruments src/core/**\/*.ts as it loads them. */
export const countWorkPlugin = {
  name: 'count-work',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/].*\.ts$/ }, (args) => ({
      contents: instrument(args.path, readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};
