/** A subcommand of `zhreader`. */
export interface CliCommand {
  readonly name: string;
  /** One line for `zhreader --help`. */
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit code; throws CliError for usage and input errors. */
  run(args: readonly string[], out: (line: string) => void): Promise<number>;
}
