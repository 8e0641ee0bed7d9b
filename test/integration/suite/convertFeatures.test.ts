import * as assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import type { ConvertOutcome } from '../../../src/vscode/convert/applyConversion';
import type { ConvertFilesOutcome } from '../../../src/vscode/convert/convertFiles';
import { conversionItems } from '../../../src/vscode/convert/quickPick';
import { activate, closeAllEditors, openEditor, SEED, untitledClosed, waitFor, withSetting, workspaceUri } from './util';

const AMBIGUITY_CODE = 'zh.convert.ambiguous';

function ambiguityHints(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === AMBIGUITY_CODE && d.source === 'Chinese Reader');
}

describe('script conversion: marks, Explorer, converted copy', () => {
  let api: ChineseReaderApi;
  before(async () => {
    api = await activate();
  });
  afterEach(async () => {
    // Revert every editor this test changed, then close them all.
    for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeAllEditors();
    await untitledClosed();
  });

  it('marks the characters chosen without context, with a quick fix per reading, and follows edits', async () => {
    const editor = await openEditor('干，发。后；他说头发');
    const document = editor.document;
    const outcome = await vscode.commands.executeCommand<ConvertOutcome>('chineseReader.convertToTaiwan');
    assert.equal(document.getText(), '幹，發。後；他說頭髮');
    assert.equal(outcome.ambiguities.length, 3);
    const hints = await waitFor('three ambiguity hints', () => {
      const found = ambiguityHints(document.uri);
      return found.length === 3 ? found : undefined;
    }, [vscode.languages.onDidChangeDiagnostics]);
    assert.deepEqual(
      hints.map((d) => document.getText(d.range)),
      ['幹', '發', '後'],
    );
    assert.ok(hints.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
    assert.match(hints[0]!.message, /干 → 幹 .*乾/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      hints[1]!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Use 髮 instead of 發'), titles.join(' | '));
    // The hint shares the spam diagnostics' source; the spam fixes (delete the line…) are not for it.
    assert.ok(!titles.some((t) => /Delete|spam/.test(t)), titles.join(' | '));
    const fix = actions.find((a) => a.title === 'Use 髮 instead of 發')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(), '幹，髮。後；他說頭髮');

    // The fixed mark is gone; an insertion before the others moves them with their text.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '今天'));
    const moved = await waitFor('two marks after the edit', () => {
      const found = ambiguityHints(document.uri);
      return found.length === 2 && found[0]!.range.start.character === 2 ? found : undefined;
    }, [vscode.languages.onDidChangeDiagnostics]);
    assert.deepEqual(
      moved.map((d) => document.getText(d.range)),
      ['幹', '後'],
    );

    // The command picks a reading for the mark at an offset.
    const offset = document.offsetAt(moved[0]!.range.start);
    assert.equal(await vscode.commands.executeCommand('chineseReader.chooseConversionAlternative', { offset, alternative: '乾' }), true);
    assert.equal(document.getText(), '今天乾，髮。後；他說頭髮');
    await waitFor('one mark left', () => ambiguityHints(document.uri).length === 1, [vscode.languages.onDidChangeDiagnostics]);
  });

  it('makes no marks when chineseReader.convert.markAmbiguous is off', async () => {
    const restore = await withSetting('convert.markAmbiguous', false);
    try {
      const editor = await openEditor('干，发。后');
      const outcome = await vscode.commands.executeCommand<ConvertOutcome>('chineseReader.convertToTaiwan');
      assert.equal(outcome.status, 'converted');
      assert.equal(outcome.ambiguities.length, 0);
      assert.equal(ambiguityHints(editor.document.uri).length, 0);
    } finally {
      await restore();
    }
  });

  it('the Convert Script pick lists every conversion with a live example and the script report, the last used first', async () => {
    // Running Convert Script with a conversion makes it the remembered one.
    await openEditor('软件');
    await vscode.commands.executeCommand('chineseReader.convertScript', { conversion: 's2twp' });
    const items = api.convert.conversionItems();
    const conversions = items.filter((i) => i.conversion);
    assert.equal(conversions.length, 16);
    assert.equal(conversions[0]!.conversion!.id, 's2twp', 'the last choice comes first');
    assert.match(conversions[0]!.description!, /^软件和鼠标 → 軟體和滑鼠/);
    for (const item of conversions) {
      const c = item.conversion!;
      assert.ok(item.description!.startsWith(`${c.example} → ${OpenCC.Converter({ from: c.from, to: c.to })(c.example)}`), c.id);
      assert.ok(item.detail!.includes(`OpenCC ${c.id}`));
    }
    assert.ok(items.some((i) => i.showReport && /Show Script Report/.test(i.label)));
  });

  it('orders Convert Script… by the document\'s script: its useful conversions, then the script report, then the rest', () => {
    const labels = (items: ReturnType<typeof conversionItems>) =>
      items.map((i) => (i.kind === vscode.QuickPickItemKind.Separator ? `--${i.label}` : i.showReport ? 'REPORT' : i.conversion!.id));
    const traditional = labels(conversionItems(undefined, true, 'traditional'));
    assert.deepEqual(traditional.slice(0, 7), ['--For this Traditional document', 't2s', 'tw2s', 'tw2sp', 'hk2s', 'REPORT', '--More conversions']);
    assert.equal(traditional.filter((l) => !l.startsWith('--') && l !== 'REPORT').length, 16, 'every conversion is still offered');
    const simplified = labels(conversionItems(undefined, true, 'simplified'));
    assert.deepEqual(simplified.slice(0, 7), ['--For this Simplified document', 's2t', 's2tw', 's2twp', 's2hk', 'REPORT', '--More conversions']);
    // The last choice still comes first.
    assert.equal(labels(conversionItems('t2tw', true, 'traditional'))[0], 't2tw');
  });

  it('opens a read-only converted copy beside the source that follows edits and scrolling', async () => {
    // A copy of the seed, so that the seed itself is first opened by the tests that expect
    // to see it open (the language switch); reading its bytes does not open it.
    const file = workspaceUri('convert-copy-source.txt');
    await vscode.workspace.fs.writeFile(file, await vscode.workspace.fs.readFile(workspaceUri(SEED)));
    const source = await vscode.window.showTextDocument(file);
    const copyUri = await vscode.commands.executeCommand<vscode.Uri>('chineseReader.openConvertedCopy');
    const copy = await waitFor('the copy editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === copyUri.toString()),
    );
    assert.notEqual(copy.viewColumn, source.viewColumn, 'the copy opens beside the source');
    assert.equal(copy.document.getText(), OpenCC.Converter({ from: 't', to: 'cn' })(source.document.getText()));
    assert.equal(copy.document.lineCount, source.document.lineCount);

    // Converting the copy is refused: it is read-only.
    await vscode.window.showTextDocument(copy.document, copy.viewColumn);
    const refused = await vscode.commands.executeCommand<ConvertOutcome>('chineseReader.convertToTraditional');
    assert.equal(refused.status, 'readonly');
    assert.equal(copy.document.getText(), OpenCC.Converter({ from: 't', to: 'cn' })(source.document.getText()));

    // Edits to the source reach the copy.
    const updated = new Promise<void>((resolve) => {
      const listener = api.convert.onDidUpdateCopy((uri) => {
        if (uri.toString() === copyUri.toString()) {
          listener.dispose();
          resolve();
        }
      });
    });
    await source.edit((b) => b.insert(new vscode.Position(0, 0), '軟體測試\n'));
    await updated;
    await waitFor('the copy to show the edit', () => copy.document.lineAt(0).text === '软体测试');

    // Scrolling the source scrolls the copy to the same line (one near the top, which both
    // editors can show at the top whatever their wrapping).
    source.revealRange(new vscode.Range(12, 0, 12, 0), vscode.TextEditorRevealType.AtTop);
    const top = await waitFor('the source to scroll', () => source.visibleRanges[0]!.start.line || undefined, [
      vscode.window.onDidChangeTextEditorVisibleRanges,
    ]);
    await waitFor(`the copy to scroll to line ${top}`, () => copy.visibleRanges[0]!.start.line === top, [
      vscode.window.onDidChangeTextEditorVisibleRanges,
    ]).catch((error: Error) => {
      throw new Error(`${error.message}; the copy shows lines ${copy.visibleRanges.map((r) => `${r.start.line}-${r.end.line}`).join(', ')}`);
    });
    // And the other way: scrolling the copy scrolls the source.
    copy.revealRange(new vscode.Range(24, 0, 24, 0), vscode.TextEditorRevealType.AtTop);
    const copyTop = await waitFor('the copy to scroll', () => (copy.visibleRanges[0]!.start.line !== top ? copy.visibleRanges[0]!.start.line : undefined), [
      vscode.window.onDidChangeTextEditorVisibleRanges,
    ]);
    await waitFor(`the source to scroll to line ${copyTop}`, () => source.visibleRanges[0]!.start.line === copyTop, [
      vscode.window.onDidChangeTextEditorVisibleRanges,
    ]).catch((error: Error) => {
      throw new Error(`${error.message}; the source shows lines ${source.visibleRanges.map((r) => `${r.start.line}-${r.end.line}`).join(', ')}`);
    });
    await vscode.window.showTextDocument(source.document, source.viewColumn);
    await vscode.commands.executeCommand('undo');
    await closeAllEditors();
    await vscode.workspace.fs.delete(file);
  });

  it('the converted copy has the hover, and no diagnostics of its own: the source carries them', async () => {
    const file = workspaceUri('convert-copy-view.txt');
    await vscode.workspace.fs.writeFile(file, await vscode.workspace.fs.readFile(workspaceUri(SEED)));
    const source = await vscode.window.showTextDocument(file);
    const copyUri = await vscode.commands.executeCommand<vscode.Uri>('chineseReader.openConvertedCopy');
    const copy = await waitFor('the copy editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === copyUri.toString()),
    );
    const line = copy.document.lineAt(3).text;
    assert.ok(line.includes('政府治理体系'), line);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      copyUri,
      new vscode.Position(3, line.indexOf('治理')),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /govern/, 'the hover answers in the copy');

    // An edit of the source re-publishes its diagnostics after the debounce; by then the
    // check the copy got when it opened (without delay) would have published too.
    const copyUpdated = new Promise<void>((resolve) => {
      const listener = api.convert.onDidUpdateCopy((uri) => {
        if (uri.toString() === copyUri.toString()) {
          listener.dispose();
          resolve();
        }
      });
    });
    await source.edit((b) => b.insert(new vscode.Position(0, 0), '軟體測試\n'));
    await copyUpdated;
    const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Chinese Reader' && d.code !== AMBIGUITY_CODE);
    await waitFor(
      'the source diagnostics for the edited text',
      () => (api.spam.publishedVersion(source.document.uri) === source.document.version && ours(source.document.uri).length === 3) || undefined,
      [api.spam.onDidUpdate],
    );
    assert.deepEqual(ours(copyUri), [], 'the copy has no spam diagnostics');
    const anyOnCopy = vscode.languages.getDiagnostics().filter(([uri]) => uri.scheme === copyUri.scheme);
    assert.deepEqual(anyOnCopy.flatMap(([, d]) => d), [], 'no diagnostics at all on the copy');
    await vscode.window.showTextDocument(source.document, source.viewColumn);
    await vscode.commands.executeCommand('undo');
    await closeAllEditors();
    await vscode.workspace.fs.delete(file);
  });

  it('refuses a file VS Code holds read-only (files.readonlyInclude) with a message, changing nothing', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const previous = files.inspect('readonlyInclude')?.globalValue;
    await files.update('readonlyInclude', { '**/convert/traditional.txt': true }, vscode.ConfigurationTarget.Global);
    try {
      const editor = await vscode.window.showTextDocument(workspaceUri('convert/traditional.txt'));
      const before = editor.document.getText();
      const version = editor.document.version;
      const outcome = await vscode.commands.executeCommand<ConvertOutcome>('chineseReader.convertToSimplified');
      assert.equal(outcome.status, 'readonly');
      assert.equal(editor.document.getText(), before);
      assert.equal(editor.document.version, version);
    } finally {
      await vscode.workspace.getConfiguration('files').update('readonlyInclude', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it('converts a folder from the Explorer, skipping binary, UTF-16 and non-UTF-8 files and saying what they are', async () => {
    const folder = workspaceUri('convert');
    const outcome = await vscode.commands.executeCommand<ConvertFilesOutcome>('chineseReader.convertFiles', folder, [folder], {
      conversion: 't2s',
      skipPreview: true,
    });
    assert.equal(outcome.applied, true);
    const changed = outcome.changes.map((c) => vscode.workspace.asRelativePath(c.uri)).sort();
    assert.deepEqual(changed, ['convert/nested/inner.txt', 'convert/traditional.txt']);
    assert.deepEqual(
      outcome.skipped.map((s) => [vscode.workspace.asRelativePath(s.uri), s.reason]).sort(),
      [
        ['convert/image.png', 'binary'],
        ['convert/latin1.txt', 'not UTF-8 at byte 3'],
        ['convert/utf16.txt', 'UTF-16 LE, byte-order mark FF FE at byte 0'],
      ],
    );
    assert.deepEqual(outcome.unchanged.map((u) => vscode.workspace.asRelativePath(u)), ['convert/neutral.txt']);
    const traditional = outcome.changes.find((c) => c.uri.path.endsWith('traditional.txt'))!;
    const original = '軟體與滑鼠：數位政府的資訊。\n第二行沒有變化的中文。\n';
    const document = await vscode.workspace.openTextDocument(traditional.uri);
    assert.equal(document.getText(), OpenCC.Converter({ from: 't', to: 'cn' })(original));
    assert.equal(traditional.changedChars, [...original].filter((ch, i) => ch !== [...document.getText()][i]).length);
    for (const c of outcome.changes) {
      await vscode.window.showTextDocument(c.uri);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('converts a file with lone CR line breaks from the Explorer, each change on its own line', async () => {
    const uri = workspaceUri('convert-cr/old-mac.txt');
    const original = '軟體與滑鼠\r數位政府的資訊\r\n第三行：資訊\n第四行';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(original, 'utf8'));
    try {
      const outcome = await vscode.commands.executeCommand<ConvertFilesOutcome>('chineseReader.convertFiles', uri, [uri], {
        conversion: 't2s',
        skipPreview: true,
      });
      assert.equal(outcome.applied, true);
      const document = await vscode.workspace.openTextDocument(uri);
      // VS Code may normalise the mixed line breaks; the lines themselves must be converted in place.
      const lines = (text: string) => text.split(/\r\n|\r|\n/);
      assert.deepEqual(lines(document.getText()), lines(OpenCC.Converter({ from: 't', to: 'cn' })(original)));
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('skips the files over chineseReader.convert.confirmAboveMB in the Explorer, naming them', async () => {
    // 0.00005 MB is 52 bytes: traditional.txt (77 bytes) is over it, nested/inner.txt (37) is not.
    const restore = await withSetting('convert.confirmAboveMB', 0.00005);
    try {
      const folder = workspaceUri('convert');
      const outcome = await vscode.commands.executeCommand<ConvertFilesOutcome>('chineseReader.convertFiles', folder, [folder], {
        conversion: 't2s',
        skipPreview: true,
      });
      assert.deepEqual(
        outcome.changes.map((c) => vscode.workspace.asRelativePath(c.uri)),
        ['convert/nested/inner.txt'],
      );
      assert.deepEqual(
        outcome.skipped.filter((s) => s.reason.startsWith('larger')).map((s) => [vscode.workspace.asRelativePath(s.uri), s.reason]),
        [['convert/traditional.txt', 'larger than 0.00005 MB']],
      );
      const big = await vscode.workspace.openTextDocument(workspaceUri('convert/traditional.txt'));
      assert.equal(big.getText(), '軟體與滑鼠：數位政府的資訊。\n第二行沒有變化的中文。\n', 'the skipped file is unchanged');
      for (const c of outcome.changes) {
        await vscode.window.showTextDocument(c.uri);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    } finally {
      await restore();
    }
  });

  it('converts one file from the Explorer as one undoable edit', async () => {
    const file = workspaceUri('convert/nested/inner.txt');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const outcome = await vscode.commands.executeCommand<ConvertFilesOutcome>('chineseReader.convertFiles', file, [file], {
      conversion: 't2s',
      skipPreview: true,
    });
    assert.equal(outcome.applied, true);
    const editor = await vscode.window.showTextDocument(file);
    assert.equal(editor.document.getText(), OpenCC.Converter({ from: 't', to: 'cn' })(original));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });
});
