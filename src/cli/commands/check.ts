/** `zhreader check`: the spam and off-topic diagnostics, for files, folders and pipelines. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SpamDocument } from '../../core/spam/document';
import { DEFAULT_SPAM_OPTIONS } from '../../core/spam/options';
import { isWarningSeverity, type SpamSensitivity } from '../../core/spam/types';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';

/** Files a folder argument expands to: text and Markdown, hidden folders and node_modules skipped. */
const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

async function expand(target: string): Promise<string[]> {
  if (target === '-') return [target];
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new CliError(`${target}: no such file or folder`);
  }
  if (!info.isDirectory()) return [target];
  const found: string[] = [];
  for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) found.push(...(await expand(full)));
    else if (TEXT_FILE.test(entry.name)) found.push(full);
  }
  return found;
}

function optionValue(args: readonly string[], name: string): string | undefined {
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  const arg = args[at]!;
  if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`check: ${name} needs a value`);
  return value;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'flag spam, ads, contact lines, off-topic lines, captions and bylines',
  usage:
    'zhreader check [--format text|json] [--sensitivity low|medium|high] [--explain] [FILE or DIR ...]   (no FILE or "-": standard input)\n' +
    '--explain prints, under each flagged line, every feature\'s contribution to its label (log-odds against clean).\n' +
    'Exit code 1 when any line is a warning (seo, ad, contact, offtopic), 0 otherwise, 2 when a file could not be read.',
  async run(args, out) {
    const format = optionValue(args, '--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CliError(`check: --format must be text or json, not ${format}`);
    const sensitivity = optionValue(args, '--sensitivity') ?? 'medium';
    if (!['low', 'medium', 'high'].includes(sensitivity)) throw new CliError(`check: --sensitivity must be low, medium or high`);
    const explain = args.includes('--explain');
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--format' || arg === '--sensitivity') i++;
      else if (arg.startsWith('--format=') || arg.startsWith('--sensitivity=') || arg === '--explain') continue;
      else if (arg.startsWith('-') && arg !== '-') throw new CliError(`check: unknown option ${arg}`);
      else targets.push(arg);
    }
    if (targets.length === 0) targets.push('-');
    const files = (await Promise.all(targets.map(expand))).flat();
    const records = [];
    let warnings = 0;
    const unreadable: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readTextInput(file);
      } catch (error) {
        // One binary or mis-encoded file in a folder does not stop the others.
        if (!(error instanceof CliError)) throw error;
        console.error(`zhreader: ${error.message}`);
        unreadable.push(file);
        continue;
      }
      const document = new SpamDocument(text, { sensitivity: sensitivity as SpamSensitivity });
      const findings = document.findings();
      // Lines too long to be prose are left unscored; say so rather than pass them silently.
      const long = document.longLineCount();
      if (long > 0) {
        console.error(
          `zhreader: ${file}: ${long} ${long === 1 ? 'line' : 'lines'} longer than ${DEFAULT_SPAM_OPTIONS.maxLineLength} characters not checked`,
        );
      }
      for (const f of findings) {
        if (isWarningSeverity(f.severity)) warnings++;
        // Lines are 1-based in CLI output, like every editor and compiler message.
        const contributions = explain ? document.explain(f.line) : undefined;
        const record = {
          file,
          line: f.line + 1,
          endLine: f.line + 1,
          label: f.label,
          code: f.code,
          severity: f.severity,
          score: f.score,
          reasons: f.reasons,
          message: f.message,
          ...(contributions ? { contributions: contributions.map((c) => ({ feature: c.feature, value: Number(c.value.toFixed(3)), description: c.description })) } : {}),
        };
        if (format === 'json') records.push(record);
        else {
          out(`${file}:${record.line}:${f.startColumn + 1}: ${f.severity} ${f.label}: ${f.message}`);
          // One row per feature: its contribution to the label's log-odds against clean.
          for (const c of contributions ?? []) {
            if (Math.abs(c.value) < 0.005) continue;
            out(`    ${c.value >= 0 ? '+' : '-'}${Math.abs(c.value).toFixed(2)}  ${c.feature}: ${c.description}`);
          }
        }
      }
    }
    if (format === 'json') out(JSON.stringify(records, null, 2));
    if (unreadable.length > 0) {
      throw new CliError(`check: ${unreadable.length} of ${files.length} ${files.length === 1 ? 'file' : 'files'} could not be read`);
    }
    return warnings > 0 ? 1 : 0;
  },
};
