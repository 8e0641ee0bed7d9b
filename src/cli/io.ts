/** File and stdin reading for the CLI, with the same refusals as the extension. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { BINARY_SNIFF_BYTES, decodeUtf8, MAX_TEXT_BYTES, sniffHead, tooLargeMessage } from '../core/text/decode';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** Refuse input longer than this (default: the most that fits in one string). */
  readonly maxBytes?: number;
  /** Read this instead of process.stdin for "-" (tests). */
  readonly stdin?: Readable;
}

/** Why a read failed, in words, from Node's error code. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (error as Error).message;
}

/**
 * Reads a stream to its end, refusing it as soon as its first bytes show binary data or
 * UTF-16, or it grows past `maxBytes`: a device or pipe that never ends (/dev/zero,
 * `yes |`) is stopped instead of filling memory.
 */
async function readAll(stream: Readable, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let sniffed = false;
  const sniff = () => {
    sniffed = true;
    const refused = sniffHead(Buffer.concat(chunks, size).subarray(0, BINARY_SNIFF_BYTES));
    if (refused) throw new CliError(`${name} ${refused.message}`);
  };
  // Leaving the loop by an exception destroys the stream, which closes the file or pipe.
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (!sniffed && size >= BINARY_SNIFF_BYTES) sniff();
    if (size > maxBytes) throw new CliError(`${name} ${tooLargeMessage(undefined, maxBytes)}`);
  }
  if (!sniffed) sniff();
  return Buffer.concat(chunks, size);
}

/** Reads `path` ('-' for stdin) as UTF-8 text, or throws a CliError naming the file. */
export async function readTextInput(path: string, options: ReadOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
  const name = path === '-' ? 'standard input' : path;
  let bytes: Uint8Array;
  try {
    // Files, devices and pipes alike are read as streams, with the same limits.
    const stream = path === '-' ? (options.stdin ?? process.stdin) : createReadStream(path);
    bytes = await readAll(stream, name, maxBytes);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: ${describeReadError(error)}`);
  }
  const decoded = decodeUtf8(bytes, maxBytes);
  if (!decoded.ok) throw new CliError(`${name} ${decoded.message}`);
  return decoded.text;
}
