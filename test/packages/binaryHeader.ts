/**
 * Says which platform a native Node addon was built for, from its own bytes: the ELF,
 * PE or Mach-O header, and for ELF the C library it links (the DT_NEEDED entries of its
 * dynamic section: glibc's `libc.so.6`, musl's `libc.so`). The package tests compare this
 * with each .vsix's target, so that a package labelled darwin-arm64 cannot hold a Linux
 * binary again. Unknown or truncated input throws instead of guessing.
 */

export interface NativeBinary {
  readonly format: 'ELF' | 'PE' | 'Mach-O';
  readonly os: 'linux' | 'win32' | 'darwin';
  readonly arch: 'x64' | 'arm64' | 'arm' | 'ia32';
  /** ELF only: the C library named in the dynamic section. */
  readonly libc?: 'glibc' | 'musl';
  /** 32-bit ARM ELF only: whether the EABI hard-float flag is set (VS Code's `armhf`). */
  readonly hardFloat?: boolean;
  /** A shared object, DLL or dylib/bundle (what Node can `require`), not an executable. */
  readonly library: boolean;
}

function need(buffer: Buffer, end: number, what: string): void {
  if (end > buffer.length) throw new Error(`truncated binary: ${what} ends at byte ${end}, the file has ${buffer.length}`);
}

const ELF_MACHINES: Record<number, NativeBinary['arch']> = { 3: 'ia32', 40: 'arm', 62: 'x64', 183: 'arm64' };
const EF_ARM_ABI_FLOAT_HARD = 0x400;
const SHT_DYNAMIC = 6;
const DT_NULL = 0;
const DT_NEEDED = 1;
const ET_DYN = 3;

/** The names in DT_NEEDED, found through the section headers (.dynamic and the string table it links). */
function elfNeeded(b: Buffer, is64: boolean): string[] {
  const word = (at: number) => (is64 ? Number(b.readBigUInt64LE(at)) : b.readUInt32LE(at));
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = b.readUInt16LE(is64 ? 0x3a : 0x2e);
  const shnum = b.readUInt16LE(is64 ? 0x3c : 0x30);
  const section = (i: number) => {
    const at = shoff + i * shentsize;
    need(b, at + shentsize, `section header ${i}`);
    return {
      type: b.readUInt32LE(at + 4),
      offset: word(at + (is64 ? 24 : 16)),
      size: word(at + (is64 ? 32 : 20)),
      link: b.readUInt32LE(at + (is64 ? 40 : 24)),
    };
  };
  const names: string[] = [];
  for (let i = 0; i < shnum; i++) {
    const dynamic = section(i);
    if (dynamic.type !== SHT_DYNAMIC) continue;
    const strings = section(dynamic.link);
    need(b, dynamic.offset + dynamic.size, '.dynamic');
    const entrySize = is64 ? 16 : 8;
    for (let at = dynamic.offset; at + entrySize <= dynamic.offset + dynamic.size; at += entrySize) {
      const tag = word(at);
      if (tag === DT_NULL) break;
      if (tag !== DT_NEEDED) continue;
      const start = strings.offset + word(at + entrySize / 2);
      const end = b.indexOf(0, start);
      if (end < 0 || end > strings.offset + strings.size) throw new Error('DT_NEEDED name runs past the string table');
      names.push(b.toString('latin1', start, end));
    }
  }
  return names;
}

function readElf(b: Buffer): NativeBinary {
  need(b, 0x40, 'the ELF header');
  const elfClass = b[4];
  if (elfClass !== 1 && elfClass !== 2) throw new Error(`ELF: unknown class ${elfClass}`);
  if (b[5] !== 1) throw new Error('ELF: big-endian binaries are not expected here');
  const is64 = elfClass === 2;
  const machine = b.readUInt16LE(0x12);
  const arch = ELF_MACHINES[machine];
  if (!arch) throw new Error(`ELF: unknown e_machine ${machine}`);
  const needed = elfNeeded(b, is64);
  const libc = needed.includes('libc.so.6') ? 'glibc' : needed.includes('libc.so') ? 'musl' : undefined;
  if (!libc) throw new Error(`ELF: links no known C library (DT_NEEDED: ${needed.join(', ') || 'none'})`);
  const flags = b.readUInt32LE(is64 ? 0x30 : 0x24);
  return {
    format: 'ELF',
    os: 'linux',
    arch,
    libc,
    ...(arch === 'arm' ? { hardFloat: (flags & EF_ARM_ABI_FLOAT_HARD) !== 0 } : {}),
    library: b.readUInt16LE(0x10) === ET_DYN,
  };
}

const PE_MACHINES: Record<number, NativeBinary['arch']> = { 0x14c: 'ia32', 0x1c4: 'arm', 0x8664: 'x64', 0xaa64: 'arm64' };
const IMAGE_FILE_DLL = 0x2000;

function readPe(b: Buffer): NativeBinary {
  need(b, 0x40, 'the DOS header');
  const pe = b.readUInt32LE(0x3c);
  need(b, pe + 24, 'the PE header');
  if (b.readUInt32LE(pe) !== 0x00004550) throw new Error('PE: no "PE\\0\\0" signature where e_lfanew points');
  const machine = b.readUInt16LE(pe + 4);
  const arch = PE_MACHINES[machine];
  if (!arch) throw new Error(`PE: unknown machine 0x${machine.toString(16)}`);
  return { format: 'PE', os: 'win32', arch, library: (b.readUInt16LE(pe + 22) & IMAGE_FILE_DLL) !== 0 };
}

const MACHO_CPUS: Record<number, NativeBinary['arch']> = { 0x01000007: 'x64', 0x0100000c: 'arm64', 7: 'ia32', 12: 'arm' };
const MH_DYLIB = 6;
const MH_BUNDLE = 8;

function readMachO(b: Buffer): NativeBinary {
  need(b, 32, 'the Mach-O header');
  const cpu = b.readUInt32LE(4);
  const arch = MACHO_CPUS[cpu];
  if (!arch) throw new Error(`Mach-O: unknown cputype 0x${cpu.toString(16)}`);
  const fileType = b.readUInt32LE(12);
  return { format: 'Mach-O', os: 'darwin', arch, library: fileType === MH_DYLIB || fileType === MH_BUNDLE };
}

export function identifyBinary(b: Buffer): NativeBinary {
  need(b, 4, 'the magic number');
  if (b.readUInt32BE(0) === 0x7f454c46) return readElf(b);
  if (b[0] === 0x4d && b[1] === 0x5a) return readPe(b);
  const magic = b.readUInt32LE(0);
  if (magic === 0xfeedfacf || magic === 0xfeedface) return readMachO(b);
  if (b.readUInt32BE(0) === 0xcafebabe) throw new Error('Mach-O: a fat (multi-architecture) binary; one architecture per package is expected');
  throw new Error(`not a native binary: magic 0x${b.readUInt32BE(0).toString(16)}`);
}
