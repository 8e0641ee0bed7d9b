import * as assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import * as vscode from 'vscode';
import type { ConvertOutcome } from '../../../src/vscode/convert/applyConversion';
import { activate, closeAllEditors, openEditor, untitledClosed, waitFor, withSetting } from './util';

/** The expected text, from opencc-js directly (not through our converter). */
function opencc(from: string, to: string, text: string): string {
  return OpenCC.Converter({ from, to })(text);
}

async function run(command: string, options?: object): Promise<ConvertOutcome> {
  return vscode.commands.executeCommand<ConvertOutcome>(command, options);
}

/** Undo once and check the document is back to `original`, exactly. */
async function undoOnce(document: vscode.TextDocument, original: string): Promise<void> {
  await vscode.commands.executeCommand('undo');
  assert.equal(document.getText(), original, 'one undo restores the original exactly');
}

const SIMPLIFIED = '数字政府建设。我的鼠标和软件都在这里，头发干了。\n第二行：自行车、信息、内存。\n';
const TRADITIONAL = '數位政府建設。我的滑鼠和軟體都在這裡，頭髮乾了。\n第二行：爲了衆人、資訊、記憶體。\n';

describe('script conversion commands', () => {
  before(async () => {
    await activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
    await untitledClosed();
  });

  const direct: { command: string; from: string; to: string; input: string }[] = [
    { command: 'chineseReader.convertToSimplified', from: 't', to: 'cn', input: TRADITIONAL },
    { command: 'chineseReader.convertToTraditional', from: 'cn', to: 't', input: SIMPLIFIED },
    { command: 'chineseReader.convertToTaiwan', from: 'cn', to: 'tw', input: SIMPLIFIED },
    { command: 'chineseReader.convertToTaiwanPhrases', from: 'cn', to: 'twp', input: SIMPLIFIED },
    { command: 'chineseReader.convertToHongKong', from: 'cn', to: 'hk', input: SIMPLIFIED },
    { command: 'chineseReader.convertFromTaiwanPhrases', from: 'twp', to: 'cn', input: TRADITIONAL },
  ];

  for (const { command, from, to, input } of direct) {
    it(`${command} converts the whole document in one undoable edit and keeps the cursors`, async () => {
      const editor = await openEditor(input);
      const document = editor.document;
      // One cursor on line 2, after "第二行：", a prefix no conversion changes; another at
      // the end of line 2, after phrases that may change length. No selection: the whole
      // document converts.
      const cursor = new vscode.Position(1, 4);
      const lineEnd = document.lineAt(1).range.end;
      editor.selections = [new vscode.Selection(cursor, cursor), new vscode.Selection(lineEnd, lineEnd)];
      const outcome = await run(command);
      assert.equal(outcome.status, 'converted');
      assert.equal(outcome.from, from);
      assert.equal(outcome.to, to);
      const expected = opencc(from, to, input);
      assert.notEqual(expected, input, 'the sample changes');
      assert.equal(document.getText(), expected);
      assert.equal(editor.selections.length, 2);
      assert.ok(editor.selections.every((s) => s.isEmpty));
      assert.deepEqual(
        editor.selections.map((s) => [s.active.line, s.active.character]),
        [
          [1, 4],
          [1, expected.split('\n')[1]!.length],
        ],
        'each cursor stays between the same characters',
      );
      await undoOnce(document, input);
    });
  }

  for (const { command, from, to, input } of direct) {
    it(`${command} converts each selection of a multi-selection in one undoable edit and keeps the selections`, async () => {
      const editor = await openEditor(input);
      const document = editor.document;
      const [first, second] = input.split('\n') as [string, string];
      // The first sentence of line 1, the rest of line 2 after "第二行：", and an empty
      // selection inside "第二行" (ignored; it stays where it is).
      const sentence = first.indexOf('。') + 1;
      editor.selections = [
        new vscode.Selection(0, 0, 0, sentence),
        new vscode.Selection(1, 4, 1, second.length),
        new vscode.Selection(1, 2, 1, 2),
      ];
      const outcome = await run(command);
      assert.equal(outcome.status, 'converted');
      const converted = [opencc(from, to, first.slice(0, sentence)), opencc(from, to, second.slice(4))];
      assert.notEqual(converted[1], second.slice(4), 'the sample changes');
      assert.equal(document.lineAt(0).text, converted[0] + first.slice(sentence), 'text outside the selections is untouched');
      assert.equal(document.lineAt(1).text, `第二行：${converted[1]}`);
      assert.equal(editor.selections.length, 3);
      assert.deepEqual(
        editor.selections.slice(0, 2).map((s) => document.getText(s)),
        converted,
        'each selection covers its converted text',
      );
      assert.deepEqual([editor.selections[2]!.isEmpty, editor.selections[2]!.active.line, editor.selections[2]!.active.character], [true, 1, 2]);
      await undoOnce(document, input);
    });
  }

  it('converts every selection of a multi-selection, ignores an empty one, and keeps each selection on its text', async () => {
    const input = '鼠标一：软件。不选的鼠标。\n选中：自行车和内存\n光标在这里：头发';
    const editor = await openEditor(input);
    const document = editor.document;
    const range = (line: number, from: number, to: number) => new vscode.Selection(line, from, line, to);
    editor.selections = [
      range(0, 0, 7), // 鼠标一：软件。 (phrases: 鼠标 → 滑鼠, 软件 → 軟體)
      range(1, 3, 9), // 自行车和内存 (自行车 → 腳踏車, 内存 → 記憶體: longer)
      new vscode.Selection(2, 2, 2, 2), // an empty selection: ignored
      range(1, 9, 9),
    ];
    const outcome = await run('chineseReader.convertToTaiwanPhrases');
    assert.equal(outcome.status, 'converted');
    const lines = document.getText().split('\n');
    assert.equal(lines[0], `${opencc('cn', 'twp', '鼠标一：软件。')}不选的鼠标。`, 'text outside the selections is untouched');
    assert.equal(lines[1], `选中：${opencc('cn', 'twp', '自行车和内存')}`);
    assert.equal(lines[2], '光标在这里：头发', 'a line with only an empty selection is untouched');
    assert.notEqual(lines[1].length, '选中：自行车和内存'.length, 'the conversion changed the length');
    // Each non-empty selection now covers exactly its converted text; the empty one stays put.
    const texts = editor.selections.map((s) => document.getText(s));
    assert.equal(texts[0], opencc('cn', 'twp', '鼠标一：软件。'));
    assert.equal(texts[1], opencc('cn', 'twp', '自行车和内存'));
    assert.deepEqual([editor.selections[2]!.active.line, editor.selections[2]!.active.character], [2, 2]);
    assert.equal(editor.selections.length, 4);
    await undoOnce(document, input);
  });

  it('keeps selections right where characters move between UTF-16 planes, and never splits emoji or Extension B', async () => {
    // 𬣙 (U+2C8D9) becomes 譸 (BMP): one UTF-16 unit shorter.
    const input = '😀\u{2C8D9}张𠮷e\u0301发👍🏽';
    const editor = await openEditor(`${input}\n${input}`);
    const document = editor.document;
    editor.selections = [new vscode.Selection(1, 0, 1, input.length)];
    const outcome = await run('chineseReader.convertToTraditional');
    assert.equal(outcome.status, 'converted');
    const converted = opencc('cn', 't', input);
    assert.equal(document.getText(), `${input}\n${converted}`);
    assert.equal(document.getText(editor.selection), converted);
    assert.equal(editor.selection.end.character, converted.length);
    assert.notEqual(converted.length, input.length);
    await undoOnce(document, `${input}\n${input}`);
  });

  it('Convert Script with a conversion converts and is remembered; unknown ones are refused', async () => {
    const api = await activate();
    const editor = await openEditor(SIMPLIFIED);
    const outcome = await run('chineseReader.convertScript', { conversion: 's2hk' });
    assert.equal(outcome.status, 'converted');
    assert.equal(editor.document.getText(), opencc('cn', 'hk', SIMPLIFIED));
    assert.equal(api.convert.conversionItems()[0]!.conversion?.id, 's2hk', 'the pick now offers s2hk first');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('chineseReader.convertScript', { conversion: 'x2y' })), /unknown conversion/);
  });

  it('never converts the protected terms of chineseReader.convert.protectedTerms', async () => {
    const restore = await withSetting('convert.protectedTerms', ['乾燥', '發哥']);
    try {
      const input = '乾燥的天氣裏，發哥的頭髮乾了。';
      const editor = await openEditor(input);
      const outcome = await run('chineseReader.convertToSimplified');
      assert.equal(outcome.status, 'converted');
      const text = editor.document.getText();
      assert.ok(text.startsWith('乾燥的天气'), text);
      assert.ok(text.includes('發哥的头发'), text);
      assert.notEqual(opencc('t', 'cn', input), text, 'without protection the terms would change');
    } finally {
      await restore();
    }
  });

  it('converts project glossary terms to the glossary\'s own form, not OpenCC\'s, and never splits them', async () => {
    const api = await activate();
    const restore = await withSetting('glossary.entries', [{ term: '台灣', other: '台湾', english: 'Taiwan' }]);
    try {
      await waitFor('the inline glossary entry to load', () => api.hoverGlossary.glossary.termForms().some((f) => f.simplified === '台湾'), [
        api.hoverGlossary.glossary.onDidChange,
      ]);
      const input = '台湾的软件，数字政府和健康码。\n';
      const editor = await openEditor(input);
      const outcome = await run('chineseReader.convertToTraditional');
      assert.equal(outcome.status, 'converted');
      // OpenCC's s2t writes 臺灣; the glossary says 台灣. 数字政府 and 健康码 are seed glossary terms.
      assert.equal(opencc('cn', 't', input), '臺灣的軟件，數字政府和健康碼。\n');
      assert.equal(editor.document.getText(), '台灣的軟件，數字政府和健康碼。\n');
      await undoOnce(editor.document, input);

      // Back to Simplified: the glossary's Simplified form, and the Traditional form is not kept.
      await vscode.commands.executeCommand('redo');
      assert.equal((await run('chineseReader.convertToSimplified')).status, 'converted');
      assert.equal(editor.document.getText(), '台湾的软件，数字政府和健康码。\n');
    } finally {
      await restore();
    }
  });

  it('leaves text that needs no change alone and reports it', async () => {
    const editor = await openEditor('中文 abc\n');
    const version = editor.document.version;
    const outcome = await run('chineseReader.convertToTaiwan');
    assert.equal(outcome.status, 'unchanged');
    assert.equal(editor.document.version, version, 'no edit was made');
  });

  it('converts a 5 MB document in one undoable edit, and a cancelled conversion changes nothing', async () => {
    const line = '数字政府建设的关键在于数据运营能力，头发干了，软件和鼠标都在这里。\n';
    const input = line.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(line)));
    const editor = await openEditor(input);
    const document = editor.document;

    const version = document.version;
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const cancelled = await run('chineseReader.convertToTaiwan', { token: source.token, confirmed: true });
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(document.getText(), input, 'cancelling leaves the document unchanged');
    assert.equal(document.version, version, 'no edit was made');

    const started = Date.now();
    const outcome = await run('chineseReader.convertToTaiwan', { confirmed: true });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(outcome.status, 'converted');
    // A diagnostic, not an assertion: speed goals live in `npm run bench` (a shared
    // machine's load must not turn the suite red).
    const figures = `${seconds.toFixed(2)} s (convert ${outcome.timings!.convertMs.toFixed(0)} ms, apply ${outcome.timings!.applyMs.toFixed(0)} ms, ${outcome.edits} edits)`;
    console.log(`integration: 5 MB Convert to Traditional (Taiwan), not asserted: ${figures}`);
    assert.equal(document.getText(), opencc('cn', 'tw', input), 'the whole document is converted, as opencc-js converts it');
    await undoOnce(document, input);
  });
});
