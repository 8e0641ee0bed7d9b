/** `zhreader check`: the spam and off-topic diagnostics, for files, folders and pipelines. */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SpamDocument } from '../../core/spam/document';
import { DEFAULT_SPAM_OPTIONS } from '../../core/spam/options';
import { isWarningSeverity, type SpamSensitivity } from '../../core/spam/types';
import { CliError, describeReadError, readTextInput } from '../io';
import type { CliCommand } from '../types';

/** Files a folder argument expands to: text and Markdown, hidden folders and node_modules skipped. */
const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

/** The files a command-line argument stands for: itself, or a folder's text files. */
async function expand(target: string, unlisted: string[]): Promise<string[]> {
  if (target === '-') return [target];
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${target}: ${code === 'ENOENT' ? 'no such file or folder' : describeReadError(error)}`);
  }
  return info.isDirectory() ? walk(target, unlisted) : [target];
}

/**
 * A folder's text files, recursively. A folder that cannot be listed (no permission) is
 * named on standard error and added to `unlisted`; the walk goes on with the others.
 */
async function walk(folder: string, unlisted: string[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    console.error(`zhreader: ${folder}: folder not checked: ${describeReadError(error)}`);
    unlisted.push(folder);
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full, unlisted)));
    else if (TEXT_FILE.test(entry.name)) found.push(full);
  }
  return found;
}

/** Every file the targets stand for, in order, and the folders that could not be listed. */
async function expandTargets(targets: readonly string[]): Promise<{ files: string[]; unlisted: string[] }> {
  const unlisted: string[] = [];
  const files: string[] = [];
  for (const target of targets) files.push(...(await expand(target, unlisted)));
  return { files, unlisted };
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
    'zhreader check [--format text|json] [--sensitivity low|medium|high] [--scorer rules|hybrid] [--explain] [FILE or DIR ...]   (no FILE or "-": standard input)\n' +
    '--scorer rules: the rule detectors alone (default: hybrid, the rule detectors plus the learned model on the lines they leave alone).\n' +
    '--explain: under each finding, the learned model\'s spam probability and every feature\'s contribution.\n' +
    'Exit code 1 when any line is a warning (seo, ad, contact, offtopic), 0 otherwise, 2 when a file could not be read.',
  async run(args, out) {
    const format = optionValue(args, '--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CliError(`check: --format must be text or json, not ${format}`);
    const sensitivity = optionValue(args, '--sensitivity') ?? 'medium';
    if (!['low', 'medium', 'high'].includes(sensitivity)) throw new CliError(`check: --sensitivity must be low, medium or high`);
    const scorer = optionValue(args, '--scorer') ?? 'hybrid';
    if (scorer !== 'rules' && scorer !== 'hybrid') throw new CliError(`check: --scorer must be rules or hybrid, not ${scorer}`);
    const explain = args.includes('--explain');
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--explain') continue;
      if (arg === '--format' || arg === '--sensitivity' || arg === '--scorer') i++;
      else if (arg.startsWith('--format=') || arg.startsWith('--sensitivity=') || arg.startsWith('--scorer=')) continue;
      else if (arg.startsWith('-') && arg !== '-') throw new CliError(`check: unknown option ${arg}`);
      else targets.push(arg);
    }
    if (targets.length === 0) targets.push('-');
    const { files, unlisted } = await expandTargets(targets);
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
      const document = new SpamDocument(text, { sensitivity: sensitivity as SpamSensitivity, scorer });
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
        };
        const explained = explain ? document.explain(f.line) : undefined;
        if (format === 'json') records.push(explained ? { ...record, explanation: explained } : record);
        else {
          out(`${file}:${record.line}:${f.startColumn + 1}: ${f.severity} ${f.label}: ${f.message}`);
          if (explained) {
            out(`    learned model: probability ${explained.probability.toFixed(3)} (warns at ${explained.threshold.toFixed(3)})`);
            for (const c of explained.contributions) out(`    ${c.value >= 0 ? '+' : ''}${c.value.toFixed(3)}  ${c.id}: ${c.description}`);
          }
        }
      }
    }
    if (format === 'json') out(JSON.stringify(records, null, 2));
    if (unreadable.length > 0 || unlisted.length > 0) {
      const folders = unlisted.length > 0 ? `${unlisted.length} ${unlisted.length === 1 ? 'folder' : 'folders'} and ` : '';
      throw new CliError(`check: ${folders}${unreadable.length} of ${files.length} ${files.length === 1 ? 'file' : 'files'} could not be read`);
    }
    return warnings > 0 ? 1 : 0;
  },
};
