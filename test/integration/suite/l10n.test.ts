/**
 * What a user sees in each display language. The runner runs the whole suite in English
 * (VS Code's default) and then this file again with VS Code in zh-cn and in zh-tw
 * (run-code-server.mjs: `--locale` with a registered language pack, see
 * test/harness/codeServer.mjs). The same tests assert English or Chinese by
 * `vscode.env.language`, so that each run checks the words, not only that something changed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import { activate, closeAllEditors, EXTENSION_ID, openUntitled, SEED, waitFor, workspaceUri } from './util';

/** The text VS Code shows per display language; a language not listed here fails loudly. */
interface Expected {
  readonly convertToTaiwan: string;
  readonly category: string;
  readonly seoMessage: RegExp;
  readonly lexiconReason: string;
  readonly deleteFix: string;
  readonly ignoreFix: string;
  readonly outlineDetail: RegExp;
}

const EXPECTED: Record<string, Expected> = {
  en: {
    convertToTaiwan: 'Convert to Traditional (Taiwan)',
    category: 'Chinese Reader',
    seoMessage: /^keyword-stuffing \(SEO\) line: repeats 铁牛视频app ×3 joined by '-' \(\+4 more reasons\)$/,
    lexiconReason: 'download/crack terms (app, 下载, 破解版, ios)',
    deleteFix: 'Delete this line (keyword-stuffing (SEO) line)',
    ignoreFix: 'Ignore this line in spam checks',
    outlineDetail: /^[\d,]+ chars · (?:<1 min|\d+ min)$/,
  },
  'zh-cn': {
    convertToTaiwan: '转换为繁体（台湾）',
    category: 'Chinese Reader',
    // The matched term (铁牛视频app) is quoted as written, inside the Chinese reason.
    seoMessage: /^关键词堆砌（SEO）行：用“-”连接重复 铁牛视频app ×3（另有 4 条理由）$/,
    lexiconReason: '下载/破解类词语（app, 下载, 破解版, ios）',
    deleteFix: '删除此行（关键词堆砌（SEO）行）',
    ignoreFix: '在垃圾内容检查中忽略此行',
    outlineDetail: /^[\d,]+ 字 · (?:不到 1 分钟|\d+ 分钟)$/,
  },
  'zh-tw': {
    convertToTaiwan: '轉換為繁體（臺灣）',
    category: 'Chinese Reader',
    seoMessage: /^關鍵字堆砌（SEO）行：以「-」連接重複 铁牛视频app ×3（另有 4 項理由）$/,
    lexiconReason: '下載/破解類詞語（app, 下载, 破解版, ios）',
    deleteFix: '刪除此行（關鍵字堆砌（SEO）行）',
    ignoreFix: '在垃圾內容檢查中忽略此行',
    outlineDetail: /^[\d,]+ 字 · (?:不到 1 分鐘|\d+ 分鐘)$/,
  },
};

/** A contributed command's title as VS Code localised it: a string, or `{ value, original }` in another language. */
function titleOf(command: { title: unknown; category?: unknown }, field: 'title' | 'category'): string {
  const value = command[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { value?: unknown }).value === 'string') return (value as { value: string }).value;
  throw new Error(`unexpected ${field}: ${JSON.stringify(value)}`);
}

describe('l10n: the UI in the display language', () => {
  let api: ChineseReaderApi;
  let expected: Expected;
  before(async () => {
    const found = EXPECTED[vscode.env.language];
    if (!found) throw new Error(`no expectations for the display language ${vscode.env.language}`);
    expected = found;
    console.log(`l10n: display language ${vscode.env.language}`);
    api = await activate();
  });
  afterEach(closeAllEditors);

  it('a command title and its category, as VS Code reports the contribution', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const commands = (extension.packageJSON as { contributes: { commands: { command: string; title: unknown; category: unknown }[] } }).contributes.commands;
    const command = commands.find((c) => c.command === 'chineseReader.convertToTaiwan')!;
    assert.equal(titleOf(command, 'title'), expected.convertToTaiwan);
    assert.equal(titleOf(command, 'category'), expected.category);
  });

  // The seed's text in an untitled Chinese Text document: opening the workspace file would
  // make the language auto-detection decide it before the zh-text suite watches it do so.
  const seedDocument = async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SEED)));
    const document = await openUntitled(text, 'zh-text');
    await vscode.window.showTextDocument(document);
    return document;
  };

  it("the seed's spam diagnostic and its quick fixes", async () => {
    const document = await seedDocument();
    const uri = document.uri;
    const seo = await waitFor(
      'the seo diagnostic on the seed',
      () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'zh.seo'),
      [api.spam.onDidUpdate, vscode.languages.onDidChangeDiagnostics],
    );
    assert.match(seo.message, expected.seoMessage);
    // Every reason is in the display language; the matched terms stay as written.
    const finding = api.spam.findings(uri).find((f) => f.code === 'zh.seo')!;
    assert.ok(finding.reasons.includes(expected.lexiconReason), finding.reasons.join(' | '));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, seo.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(expected.deleteFix), titles.join(' | '));
    assert.ok(titles.includes(expected.ignoreFix), titles.join(' | '));
  });

  it("the Outline view's section detail", async () => {
    const { uri } = await seedDocument();
    // The provider answers once the extension is active (before()), from the text as it is.
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
    const details = symbols.flatMap(function all(s: vscode.DocumentSymbol): string[] {
      return [s.detail, ...s.children.flatMap(all)];
    });
    assert.ok(details.length > 0);
    for (const detail of details) assert.match(detail, expected.outlineDetail);
  });
});
