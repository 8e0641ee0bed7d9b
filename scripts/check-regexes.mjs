#!/usr/bin/env node
// Static ReDoS check (issue 10 §2.3), part of `npm run test:static`.
//
// Parses every TypeScript file under src/ with the TypeScript compiler API (not a regex
// over the source, which would miss or invent patterns), collects every regular-expression
// literal and every `RegExp(...)` / `new RegExp(...)` whose pattern is a string literal,
// and asks recheck (https://makenowjust-labs.github.io/recheck/) whether an attacker can
// make it backtrack super-linearly. Any `vulnerable` verdict fails the check with
// file:line, the pattern and recheck's attack string; so does an `unknown` verdict (recheck
// could not decide in its time budget), because a check that cannot answer proves nothing.
//
// Patterns built at run time (`new RegExp(variable)`) cannot be checked here; they are
// listed so that a reader sees them, and the user-supplied ones (outline rules) are guarded
// by the code that compiles them.
//
//   node scripts/check-regexes.mjs          check, exit 1 on any vulnerable pattern
//   node scripts/check-regexes.mjs --list   also print every pattern checked with its verdict
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { checkSync } = require('recheck');

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const list = process.argv.includes('--list');

/**
 * Patterns allowed although recheck flags them. Only for a pattern that never sees user
 * text (document, glossary, setting or file contents), each with the reason. Keyed by
 * `file|/source/flags` so that a changed pattern or a copy elsewhere is checked again.
 */
const ALLOWED = new Map([
  // (empty: every regex in src/ may see user text; add an entry only with a reason.)
]);

function filesUnder(dir) {
  const found = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) found.push(...filesUnder(rel));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(rel);
  }
  return found.sort();
}

// One program over src/ so that a pattern assembled from named constants, here or imported
// (`new RegExp(`^第\\s*(${ANY_NUMBER})`)`), is folded to its text and checked too.
const files = filesUnder('src');
const program = ts.createProgram(
  files.map((f) => path.join(root, f)),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true },
);
const checker = program.getTypeChecker();

/**
 * The string value of an expression built only from string literals, templates, `+`,
 * String.raw and `const` names bound to such expressions; undefined when it is computed.
 */
function literalText(node, depth = 0) {
  if (!node || depth > 20) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression, depth + 1);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left, depth + 1);
    const right = literalText(node.right, depth + 1);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = literalText(span.expression, depth + 1);
      if (value === undefined) return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return template.rawText;
    let text = template.head.rawText;
    for (const span of template.templateSpans) {
      const value = literalText(span.expression, depth + 1);
      if (value === undefined) return undefined;
      text += value + span.literal.rawText;
    }
    return text;
  }
  if (ts.isIdentifier(node)) {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (
      declaration &&
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
    ) {
      return literalText(declaration.initializer, depth + 1);
    }
  }
  return undefined;
}

/** Every regex in one file: { line, source, flags } for literals, { line, dynamic } otherwise. */
function regexesIn(file) {
  const sourceFile = program.getSourceFile(path.join(root, file));
  const found = [];
  const lineOf = (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sourceFile);
      const slash = literal.lastIndexOf('/');
      found.push({ line: lineOf(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [patternArg, flagsArg] = node.arguments ?? [];
      const source = literalText(patternArg);
      const flags = flagsArg === undefined ? '' : literalText(flagsArg);
      if (source !== undefined && flags !== undefined) found.push({ line: lineOf(node), source, flags });
      else found.push({ line: lineOf(node), dynamic: node.getText(sourceFile).replace(/\s+/g, ' ').slice(0, 100) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const vulnerable = [];
const undecided = [];
const dynamic = [];
let checked = 0;
for (const file of files) {
  for (const regex of regexesIn(file)) {
    const at = `${file}:${regex.line}`;
    if (regex.dynamic) {
      dynamic.push(`${at}  ${regex.dynamic}`);
      continue;
    }
    checked++;
    const shown = `/${regex.source}/${regex.flags}`;
    let diagnostics = checkSync(regex.source, regex.flags);
    // recheck's default budget (10 s) is too short for a few large patterns: ask once more
    // with a minute before calling it undecided.
    if (diagnostics.status === 'unknown') diagnostics = checkSync(regex.source, regex.flags, { timeout: 60_000 });
    if (list) console.log(`${diagnostics.status.padEnd(10)} ${at}  ${shown}${diagnostics.complexity ? `  (${diagnostics.complexity.summary})` : ''}`);
    if (diagnostics.status === 'safe') continue;
    const allowed = ALLOWED.get(`${file}|${shown}`);
    if (allowed) {
      if (list) console.log(`           allowed: ${allowed}`);
      continue;
    }
    if (diagnostics.status === 'vulnerable') {
      const attack = diagnostics.attack?.pattern ?? diagnostics.attack?.string ?? '';
      vulnerable.push(`${at}  ${shown}  ${diagnostics.complexity?.summary ?? ''}; attack: ${attack}`);
    } else {
      undecided.push(`${at}  ${shown}  (${diagnostics.status}${diagnostics.error ? `: ${diagnostics.error.kind}` : ''})`);
    }
  }
}

if (dynamic.length > 0 && list) {
  console.log(`\nbuilt at run time, not checkable here (${dynamic.length}):`);
  for (const d of dynamic) console.log(`  ${d}`);
}
if (vulnerable.length > 0) {
  console.error(`\ncheck-regexes: ${vulnerable.length} regex(es) in src/ can backtrack super-linearly (ReDoS):`);
  for (const v of vulnerable) console.error(`  ${v}`);
}
if (undecided.length > 0) {
  console.error(`\ncheck-regexes: recheck could not decide ${undecided.length} regex(es):`);
  for (const u of undecided) console.error(`  ${u}`);
}
const failed = vulnerable.length + undecided.length;
console.log(`check-regexes: ${checked} regexes in src/ checked with recheck, ${failed} failing, ${dynamic.length} built at run time`);
process.exit(failed > 0 ? 1 : 0);
