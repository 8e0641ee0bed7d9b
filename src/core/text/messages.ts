/**
 * User-visible text built in core, translatable without core knowing about VS Code.
 *
 * Core writes each message as an English template with `{name}` slots and passes it,
 * as a string literal, through a `Translate` it is given; the VS Code adapter gives
 * one backed by `vscode.l10n.t` (the English template is the key of the l10n bundles),
 * the CLI and the tests the English default. Templates defined in one place and
 * translated in another (tables of reasons, labels) are marked with a msg() call where
 * they are written, so that the bundle check finds every key by reading the source.
 */

/** Slot values: terms and file names are passed as they are, never translated. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** English template (the key) and its slot values -> the text in the UI language. */
export type Translate = (template: string, args?: MessageArgs) => string;

const SLOT = /\{(\w+)\}/g;

/** Fills `{name}` slots; a slot without a value is left as written. */
export function fillTemplate(template: string, args?: MessageArgs): string {
  if (!args) return template;
  return template.replace(SLOT, (slot, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : slot));
}

/** The English translator: the template with its slots filled. */
export const english: Translate = fillTemplate;

/** Marks a literal template for translation where it is used (gettext's `N_`); returns it unchanged. */
export function msg<T extends string>(template: T): T {
  return template;
}
