/**
 * Every relative link and image in README.md, CONTRIBUTING.md and docs/*.md points at a
 * file of the repository, and every `#anchor` (in the same page or another Markdown page)
 * at one of that page's headings, as GitHub and VS Code's Markdown preview name them.
 * Links are found by markdown-it (CommonMark), so code spans and fenced code are not links.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { markdownIt, readRepoFile, repoPath, type MarkdownToken } from './helpers';

const markdown = markdownIt({ html: true });

/**
 * Pages written on other branches that these pages already link to. A link to one is
 * accepted while the file is missing; once it exists, its links are checked like any
 * other and its entry here must go (a test below fails until it does).
 */
const AWAITED = new Set<string>([]);

const PAGES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(repoPath('docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function walk(tokens: MarkdownToken[], visit: (token: MarkdownToken) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.children) walk(token.children, visit);
  }
}

/** GitHub's heading slug: lower case, punctuation dropped (letters of any script kept), spaces to hyphens, -1, -2 for repeats. */
export function headingAnchors(source: string): Set<string> {
  const tokens = markdown.parse(source, {});
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[i + 1]!;
    let text = '';
    walk(inline.children ?? [], (t) => {
      if (t.type === 'text' || t.type === 'code_inline') text += t.content;
    });
    const slug = text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  });
  return anchors;
}

interface Link {
  readonly page: string;
  readonly target: string;
}

function linksOf(page: string): Link[] {
  const links: Link[] = [];
  walk(markdown.parse(readRepoFile(page), {}), (token) => {
    const attr = token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : undefined;
    if (!attr) return;
    const target = token.attrs?.find(([name]) => name === attr)?.[1];
    if (target !== undefined) links.push({ page, target });
  });
  return links;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

test('the checked pages include the README, CONTRIBUTING.md and one page per feature', () => {
  for (const page of ['README.md', 'CONTRIBUTING.md', 'docs/hover.md', 'docs/conversion.md', 'docs/outline.md', 'docs/spam.md', 'docs/study.md', 'docs/reading-view.md', 'docs/cli.md', 'docs/benchmarks.md', 'docs/settings.md']) {
    assert.ok(PAGES.includes(page), page);
  }
});

test('every relative link and image resolves to a file, and every anchor to a heading', () => {
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let set = anchors.get(file);
    if (!set) anchors.set(file, (set = headingAnchors(readRepoFile(file))));
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const page of PAGES) {
    for (const { target } of linksOf(page)) {
      if (isExternal(target)) continue;
      checked++;
      const [rawFile, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = rawFile === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(rawFile)));
      if (file.startsWith('..')) {
        broken.push(`${page}: ${target} leaves the repository`);
        continue;
      }
      if (!existsSync(repoPath(file))) {
        if (!AWAITED.has(file)) broken.push(`${page}: ${target} (no file ${file})`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && statSync(repoPath(file)).isFile() && !anchorsOf(file).has(decodeURIComponent(anchor))) {
        broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} relative links found`);
  assert.deepEqual(broken, []);
});

test('pages awaited from other branches are still missing (remove an entry of AWAITED once its page is merged)', () => {
  for (const file of AWAITED) assert.ok(!existsSync(repoPath(file)), `${file} exists now: remove it from AWAITED in test/unit/docsLinks.test.ts`);
});

test('the anchors follow GitHub: punctuation dropped, Chinese kept, repeats numbered', () => {
  const anchors = headingAnchors('# Hover and glossaries\n## `chineseReader.hover.toneColors`\n## 繁简 (script) detection\n## Limitations\n## Limitations\n');
  assert.deepEqual([...anchors], ['hover-and-glossaries', 'chinesereaderhovertonecolors', '繁简-script-detection', 'limitations', 'limitations-1']);
});
