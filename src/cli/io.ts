/** File and stdin reading for the CLI, with the same refusals as the extension. */
import { readFile } from 'node:fs/promises';
import { decodeUtf8 } from '../core/text/decode';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads `path` ('-' for stdin) as UTF-8 text, or throws a CliError naming the file. */
export async function readTextInput(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new CliError(`${path}: ${why}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new CliError(`${path === '-' ? 'standard input' : path} ${decoded.message}`);
  return decoded.text;
}
