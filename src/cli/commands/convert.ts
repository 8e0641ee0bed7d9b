/** `zhreader convert`: OpenCC script conversion for files and pipelines. */
import { detectSourceVariant } from '../../core/convert/detectSource';
import { configsFor, createConverter } from '../../core/convert/engine';
import { CONVERSIONS, isVariant, VARIANT_NAMES, VARIANTS, type Variant } from '../../core/convert/variants';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';

function listing(): string[] {
  const width = Math.max(...VARIANTS.map((v) => v.length));
  return [
    'Variants (--from / --to):',
    ...VARIANTS.map((v) => `  ${v.padEnd(width)}  ${VARIANT_NAMES[v]}`),
    '',
    'Conversions (OpenCC config: --from X --to Y):',
    ...CONVERSIONS.map((c) => `  ${c.id.padEnd(6)} --from ${c.from.padEnd(3)} --to ${c.to.padEnd(3)}  ${c.label}: ${c.description}`),
    '',
    'Other pairs convert through OpenCC standard Traditional (t), e.g. --from hk --to tw is hk2t then t2tw.',
  ];
}

function variantOption(args: readonly string[], i: number, option: string): Variant {
  const value = args[i + 1];
  if (!isVariant(value)) {
    throw new CliError(`convert: ${option} needs one of ${VARIANTS.join(', ')}${value ? `, not "${value}"` : ''}`);
  }
  return value;
}

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'convert between Simplified and Traditional script (OpenCC variants)',
  usage:
    'zhreader convert --to VARIANT [--from VARIANT] [--protect TERM ...] [FILE]   (no FILE or "-": standard input)\n' +
    '       zhreader convert --list\n' +
    `VARIANT is one of ${VARIANTS.join(', ')}; without --from the source script is detected.`,
  async run(args, out) {
    let from: Variant | undefined;
    let to: Variant | undefined;
    const protectedTerms: string[] = [];
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--list') {
        for (const line of listing()) out(line);
        return 0;
      } else if (arg === '--to') {
        to = variantOption(args, i++, '--to');
      } else if (arg === '--from') {
        from = variantOption(args, i++, '--from');
      } else if (arg === '--protect') {
        const term = args[++i];
        if (!term) throw new CliError('convert: --protect needs a term');
        protectedTerms.push(term);
      } else if (arg.startsWith('-') && arg !== '-') {
        throw new CliError(`convert: unknown option ${arg}`);
      } else {
        files.push(arg);
      }
    }
    if (!to) throw new CliError('convert: --to VARIANT is required (zhreader convert --list shows them)');
    if (files.length > 1) throw new CliError('convert: give one FILE (or none for standard input)');
    const text = await readTextInput(files[0] ?? '-');
    const source = from ?? detectSourceVariant(text, to);
    const result = createConverter(source, to, { protectedTerms }).convert(text);
    if (!from) {
      // Pairs without a config of their own (cn → jp) go through standard Traditional: name each step.
      const configs = configsFor(source, to);
      process.stderr.write(`zhreader: converting ${source} → ${to} (${configs.length > 0 ? configs.join(' then ') : 'nothing to convert'})\n`);
    }
    // Output is line-based: a final line break is not doubled (one is added when the input had none).
    out(result.text.endsWith('\n') ? result.text.slice(0, -1) : result.text);
    return 0;
  },
};
