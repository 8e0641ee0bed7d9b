import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAllEditors, waitFor, withSetting, workspaceUri } from './util';

const TEXT = ['第一章 银行', '我今天去银行取钱。他说他不了解这个问题。', '第二章 利息', '存款的利息很低。'].join('\n');
const DOC = 'study/reading.zh.txt';

interface Ranges {
  line: number;
  start: number;
  end: number;
  text: string;
}

interface Stats {
  document: { words: number; knownWords: number; knownShare: number; levels: number[] };
  sections: { title: string; words: number; knownWords: number }[];
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

async function readWorkspaceFile(relative: string): Promise<string | undefined> {
  try {
    return decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
  } catch {
    return undefined;
  }
}

async function hints(document: vscode.TextDocument): Promise<{ line: number; character: number; label: string }[]> {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
  return found.map((h) => ({
    line: h.position.line,
    character: h.position.character,
    label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''),
  }));
}

/** The label of the hint right after `word` on `line`, or undefined. */
function hintAfter(list: { line: number; character: number; label: string }[], document: vscode.TextDocument, line: number, word: string): string | undefined {
  const at = document.lineAt(line).text.indexOf(word);
  assert.ok(at >= 0, `${word} is on line ${line}`);
  return list.find((h) => h.line === line && h.character === at + word.length)?.label;
}

describe('study tools', () => {
  let document: vscode.TextDocument;
  const restore: (() => Thenable<void>)[] = [];

  before(async () => {
    await activate();
    await vscode.workspace.fs.writeFile(workspaceUri(DOC), new TextEncoder().encode(TEXT));
    // Start from empty lists.
    for (const f of ['chinese-words.tsv', 'chinese-known-words.txt']) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
    document = (await vscode.window.showTextDocument(workspaceUri(DOC))).document;
    assert.equal(document.languageId, 'zh-text');
  });
  after(async () => {
    for (const r of restore.reverse()) await r();
    await closeAllEditors();
    for (const f of ['chinese-words.tsv', 'chinese-known-words.txt', 'study/export-anki.txt']) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
  });

  it('inline pinyin is off by default: no hints', async () => {
    assert.deepEqual(await hints(document), []);
  });

  it('inline pinyin "all": every word, read in context, right after the word', async () => {
    restore.push(await withSetting('study.inlinePinyin', 'all'));
    const list = await hints(document);
    assert.equal(hintAfter(list, document, 1, '银行'), 'yínháng');
    assert.equal(hintAfter(list, document, 1, '我'), 'wǒ');
    assert.equal(hintAfter(list, document, 1, '了解'), 'liǎojiě');
    assert.equal(hintAfter(list, document, 3, '利息'), 'lìxī');
    // No hint after punctuation.
    assert.ok(!list.some((h) => h.line === 1 && document.lineAt(1).text[h.character - 1] === '。'));
  });

  it('inline pinyin styles: numbers and zhuyin by setting', async () => {
    const back = await withSetting('study.pinyinStyle', 'numbers');
    assert.equal(hintAfter(await hints(document), document, 1, '银行'), 'yin2hang2');
    await vscode.workspace.getConfiguration('chineseReader').update('study.pinyinStyle', 'zhuyin', vscode.ConfigurationTarget.Global);
    assert.equal(hintAfter(await hints(document), document, 1, '银行'), 'ㄧㄣˊ ㄏㄤˊ');
    await back();
  });

  it('inline pinyin "aboveLevel": only words above the HSK level', async () => {
    const mode = await withSetting('study.inlinePinyin', 'aboveLevel');
    const level = await withSetting('study.hskLevel', 3);
    const list = await hints(document);
    // HSK 3.0: 了解 is level 4, 利息 and 存款 level 5; 我 1, 银行 2, 问题 2.
    assert.equal(hintAfter(list, document, 1, '了解'), 'liǎojiě');
    assert.equal(hintAfter(list, document, 3, '存款'), 'cúnkuǎn');
    assert.equal(hintAfter(list, document, 1, '我'), undefined);
    assert.equal(hintAfter(list, document, 1, '银行'), undefined);
    assert.equal(hintAfter(list, document, 1, '问题'), undefined);
    await level();
    await mode();
  });

  it('Add to Word List with the hover link\'s argument writes the row, sentence and source; a second add merges', async () => {
    const line = 1;
    const character = document.lineAt(line).text.indexOf('银行');
    const arg = { word: '银行', uri: document.uri.toString(), line, character };
    await vscode.commands.executeCommand('chineseReader.study.addToWordList', arg);
    const text = await readWorkspaceFile('chinese-words.tsv');
    assert.ok(text, 'the word list exists at the workspace root');
    const rows = text.split('\n');
    assert.equal(rows[0], 'simplified\ttraditional\tpinyin\tdefinitions\thsk\tsentence\tsource\tadded\ttags');
    const cells = rows[1]!.split('\t');
    assert.equal(cells.length, 9);
    assert.deepEqual(cells.slice(0, 3), ['银行', '銀行', 'yín háng']);
    assert.match(cells[3]!, /\bbank\b/);
    assert.equal(cells[4], 'hsk3:2 hsk2:3');
    assert.equal(cells[5], '我今天去银行取钱。');
    assert.equal(cells[6], `${DOC}:2`);
    assert.match(cells[7]!, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(rows[2], '');
    await vscode.commands.executeCommand('chineseReader.study.addToWordList', arg);
    const again = (await readWorkspaceFile('chinese-words.tsv'))!;
    assert.equal(again.split('\n').filter((r) => r.startsWith('银行\t')).length, 1, 'merged, not duplicated');
  });

  it('Add to Word List on a selection (the context menu\'s way) saves the selected word with its sentence', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const character = document.lineAt(1).text.indexOf('了解');
    editor.selection = new vscode.Selection(1, character, 1, character + 2);
    await vscode.commands.executeCommand('chineseReader.study.addToWordList');
    const row = (await readWorkspaceFile('chinese-words.tsv'))!.split('\n').find((r) => r.startsWith('了解\t'));
    assert.ok(row, 'a row for 了解');
    const cells = row.split('\t');
    assert.equal(cells[2], 'liǎo jiě');
    assert.equal(cells[5], '他说他不了解这个问题。');
    assert.equal(cells[6], `${DOC}:2`);
  });

  it('a forged link argument saves nothing', async () => {
    const before = await readWorkspaceFile('chinese-words.tsv');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('chineseReader.study.addToWordList', { word: '<script>' })));
    assert.equal(await readWorkspaceFile('chinese-words.tsv'), before);
  });

  it('a malformed word-list row gets a diagnostic on its line and survives the next add', async () => {
    const uri = workspaceUri('chinese-words.tsv');
    const header = 'simplified\ttraditional\tpinyin\tdefinitions\thsk\tsentence\tsource\tadded\ttags';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${header}\n银行\t銀行\tyín háng\tbank\nbad row\twith\ta\tbad\thsk level nine\n`));
    const line = 2;
    const character = document.lineAt(3).text.indexOf('利息');
    await vscode.commands.executeCommand('chineseReader.study.addToWordList', { word: '利息', uri: document.uri.toString(), line: 3, character });
    const diagnostics = await waitFor('the word-list diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, line);
    assert.equal(diagnostics[0]!.source, 'Chinese Reader word list');
    const text = (await readWorkspaceFile('chinese-words.tsv'))!;
    assert.ok(text.includes('bad row\twith\ta\tbad\thsk level nine\n'), 'the malformed row is kept');
    assert.ok(text.includes('\n利息\t'), 'the new word is added');
  });

  it('Export Word List writes Anki import text', async () => {
    const target = workspaceUri('study/export-anki.txt');
    await vscode.commands.executeCommand('chineseReader.study.exportWordList', { format: 'anki', target: target.toString() });
    const text = decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^#separator:tab\n#html:true\n#tags column:3\n银行\t/);
    assert.match(text, /\n利息\t/);
  });

  it('Mark as Known changes the highlights, the "unknown" inline pinyin and the statistics', async () => {
    restore.push(await withSetting('study.highlightUnknown', true));
    const uri = document.uri.toString();
    const before = await vscode.commands.executeCommand<Ranges[]>('chineseReader.study.unknownWordRanges', uri);
    assert.ok(before.some((r) => r.text === '银行' && r.line === 1), '银行 is highlighted as unknown');
    assert.ok(before.some((r) => r.text === '我'));
    const statsBefore = (await vscode.commands.executeCommand<Stats>('chineseReader.study.showStatistics', document.uri));
    assert.equal(statsBefore.document.knownWords, 0);
    assert.ok(statsBefore.document.words >= 18);
    assert.deepEqual(
      statsBefore.sections.map((s) => s.title),
      ['第一章 银行', '第二章 利息'],
    );
    const mode = await withSetting('study.inlinePinyin', 'unknown');
    assert.equal(hintAfter(await hints(document), document, 1, '银行'), 'yínháng');

    await vscode.commands.executeCommand('chineseReader.study.markKnown', { word: '银行', uri, line: 1, character: document.lineAt(1).text.indexOf('银行') });
    await vscode.commands.executeCommand('chineseReader.study.markKnown', { word: '我' });
    assert.equal(await readWorkspaceFile('chinese-known-words.txt'), '银行\n我\n');

    const after = await vscode.commands.executeCommand<Ranges[]>('chineseReader.study.unknownWordRanges', uri);
    assert.ok(!after.some((r) => r.text === '银行' || r.text === '我'), 'known words are no longer highlighted');
    assert.ok(after.some((r) => r.text === '了解'), 'other words still are');
    const list = await hints(document);
    assert.equal(hintAfter(list, document, 1, '银行'), undefined);
    assert.equal(hintAfter(list, document, 1, '了解'), 'liǎojiě');
    const statsAfter = (await vscode.commands.executeCommand<Stats>('chineseReader.study.showStatistics', document.uri));
    // 银行 twice (heading and text), 我 once.
    assert.equal(statsAfter.document.knownWords, 3);
    assert.equal(statsAfter.document.knownShare, 3 / statsAfter.document.words);
    assert.equal(statsAfter.sections[0]!.knownWords, 3);
    assert.equal(statsAfter.sections[1]!.knownWords, 0);

    await vscode.commands.executeCommand('chineseReader.study.markUnknown', { word: '银行' });
    const reverted = await vscode.commands.executeCommand<Ranges[]>('chineseReader.study.unknownWordRanges', uri);
    assert.ok(reverted.some((r) => r.text === '银行'), 'Mark as Unknown brings the highlight back');
    await mode();
  });

  it('highlighting off draws nothing', async () => {
    const off = await withSetting('study.highlightUnknown', false);
    assert.deepEqual(await vscode.commands.executeCommand<Ranges[]>('chineseReader.study.unknownWordRanges', document.uri.toString()), []);
    await off();
  });

  it('Mark HSK Levels as Known adds the HSK 3.0 level 1 words', async () => {
    const added = await vscode.commands.executeCommand<number>('chineseReader.study.markHskLevelsKnown', { syllabus: '3.0', level: 1 });
    assert.ok(added > 400, `added ${added}`);
    const known = (await readWorkspaceFile('chinese-known-words.txt'))!.split('\n');
    assert.ok(known.includes('今天') && known.includes('去'));
    assert.ok(!known.includes('了解'), 'a level 4 word is not added');
  });
});
