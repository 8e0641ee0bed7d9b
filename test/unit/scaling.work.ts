/**
 * Work counting for the scaling guard (scaling.test.ts). The build instruments src/core
 * so that every function entry, loop iteration and spread adds to `globalThis.__zhWork.n`
 * (test/harness/instrument.mjs); this module adds the work of the built-ins core calls,
 * which no loop of ours shows: each regex scan counts the characters from where it
 * starts to where its match ends (or to the end), each slice, search, split, case fold or
 * join counts the characters it reads or writes. That is an operation count, not a
 * clock: it is the same on an idle and on a loaded machine.
 *
 * What it does not see: backtracking inside one regex match (V8 does not expose it); the
 * static ReDoS check (scripts/check-regexes.mjs) covers that. Native code (jieba-rs) and
 * code outside src/core (opencc-js) count only through the built-ins they are called with.
 */

interface WorkCounter {
  n: number;
  spread(x: unknown): unknown;
}

const counter: WorkCounter = ((globalThis as { __zhWork?: WorkCounter }).__zhWork ??= {
  n: 0,
  spread(x: unknown) {
    const sized = x as { length?: number; size?: number } | null | undefined;
    this.n += (sized?.length ?? sized?.size ?? 0) + 1;
    return x;
  },
});

let active = false;
const add = (units: number) => {
  if (active) counter.n += units;
};

/** Replaces `proto[name]` with a wrapper that adds `cost(this, args, result)` while counting. */
function wrap<S, A extends unknown[], R>(proto: object, name: string, cost: (self: S, args: A, result: R) => number): void {
  const original = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
  Object.defineProperty(proto, name, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (active) add(cost(this as S, args as A, result as R));
      return result;
    },
  });
}

const len = (s: unknown) => (typeof s === 'string' || Array.isArray(s) ? s.length : 0);

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  // RegExp: test, match, matchAll, replace, search and split all call exec (the spec's
  // RegExpExec calls a user-visible exec), so wrapping exec counts every regex scan.
  const exec = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec')!.value as (this: RegExp, input: string) => RegExpExecArray | null;
  Object.defineProperty(RegExp.prototype, 'exec', {
    configurable: true,
    writable: true,
    value: function (this: RegExp, input: string) {
      const text = String(input);
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, text);
      if (active) add((match ? match.index + match[0].length : this.sticky ? start : text.length) - start + 1);
      return match;
    },
  });
  const S = String.prototype;
  for (const name of ['slice', 'substring', 'substr', 'repeat', 'padStart', 'padEnd', 'concat']) {
    wrap(S, name, (_self: string, _args, result: string) => len(result) + 1);
  }
  for (const name of ['normalize', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd']) {
    wrap(S, name, (self: string) => len(self) + 1);
  }
  wrap(S, 'indexOf', (self: string, args: [string, number?], result: number) => (result >= 0 ? result + len(args[0]) : len(self)) - (args[1] ?? 0) + 1);
  wrap(S, 'lastIndexOf', (self: string) => len(self) + 1);
  wrap(S, 'includes', (self: string) => len(self) + 1);
  wrap(S, 'startsWith', (_self: string, args: [string]) => len(args[0]) + 1);
  wrap(S, 'endsWith', (_self: string, args: [string]) => len(args[0]) + 1);
  // A string separator or pattern (a regex one is counted by exec).
  wrap(S, 'split', (self: string, args: [unknown]) => (typeof args[0] === 'string' ? len(self) + 1 : 1));
  wrap(S, 'replace', (self: string, args: [unknown]) => (typeof args[0] === 'string' ? len(self) + 1 : 1));
  wrap(S, 'replaceAll', (self: string, args: [unknown]) => (typeof args[0] === 'string' ? len(self) + 1 : 1));
  const A = Array.prototype;
  for (const name of ['join', 'indexOf', 'lastIndexOf', 'includes', 'reverse', 'fill', 'splice', 'sort', 'map', 'filter', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex', 'flat', 'flatMap']) {
    wrap(A, name, (self: unknown[]) => len(self) + 1);
  }
  wrap(A, 'slice', (_self: unknown[], _args, result: unknown[]) => len(result) + 1);
  wrap(A, 'concat', (_self: unknown[], _args, result: unknown[]) => len(result) + 1);
  const from = Array.from;
  Array.from = function (...args: Parameters<typeof Array.from>) {
    const result = from.apply(Array, args);
    add(result.length + 1);
    return result;
  } as typeof Array.from;
  wrap(Uint8Array.prototype, 'includes', (self: Uint8Array) => self.length + 1);
  wrap(Uint8Array.prototype, 'indexOf', (self: Uint8Array) => self.length + 1);
  wrap(TextDecoder.prototype, 'decode', (_self: unknown, args: [Uint8Array?]) => (args[0]?.length ?? 0) + 1);
}

/** Units of work `run` does: instrumented core plus the built-ins it calls. */
export function countWork(run: () => void): number {
  install();
  counter.n = 0;
  active = true;
  try {
    run();
  } finally {
    active = false;
  }
  return counter.n;
}
