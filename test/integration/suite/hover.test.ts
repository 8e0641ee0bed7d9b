import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import { STUDY_HOVER_LINKABLE } from '../../../src/vscode/commandIds';
import { activate, closeAllEditors, hoverText, positionOf, SEED, waitFor, withSetting, workspaceUri } from './util';

describe('the hover glossary', () => {
  let api: ChineseReaderApi;
  let seed: vscode.TextDocument;
  const glossaryUri = () => workspaceUri('glossary.tsv');
  let originalGlossary: Uint8Array;

  before(async () => {
    api = await activate();
    originalGlossary = await vscode.workspace.fs.readFile(glossaryUri());
    // A copy of the seed: the language tests need to be the first to open the seed itself.
    const copy = workspaceUri(`hover/${SEED}`);
    await vscode.workspace.fs.copy(workspaceUri(SEED), copy, { overwrite: true });
    seed = (await vscode.window.showTextDocument(copy)).document;
    // The glossary loads right after activation; wait until the seed glossary is in.
    await waitFor('the seed glossary', () => api.hoverGlossary.glossary.terms().includes('新基建'), [api.hoverGlossary.glossary.onDidChange], 30_000);
  });
  after(async () => {
    await vscode.workspace.fs.writeFile(glossaryUri(), originalGlossary);
    await closeAllEditors();
  });

  it('shows "government" for 政府, with pinyin and the source', async () => {
    const text = await hoverText(seed.uri, positionOf(seed, '定義政府治理', 2));
    assert.match(text, /\*\*政府\*\*/);
    assert.match(text, /zhèng fǔ/);
    assert.match(text, /1\. government/);
    assert.match(text, /\*CC-CEDICT\*/);
  });

  it('shows 數字 with 数字, shù zì and a numeric/digital sense (inside the glossary compound 數字政府)', async () => {
    const text = await hoverText(seed.uri, positionOf(seed, '數字政府', 0));
    assert.match(text, /In CC-CEDICT: 數字 \+ 政府/);
    assert.match(text, /\*\*數字\*\* · 数字\s+shù zì/);
    assert.match(text, /numeral[\s\S]*digital \(electronics etc\)/);
  });

  it('shows the glossary gloss of 新基建 and the file it came from', async () => {
    const text = await hoverText(seed.uri, positionOf(seed, '新基建', 1));
    assert.match(text, /\*\*新基建\*\*\s+xīn jī jiàn/);
    assert.match(text, /new infrastructure/);
    assert.match(text, /Glossary glossary\.tsv, line \d+/);
  });

  it('adds HSK levels, the frequency rank and the word-list links once the study data has loaded, after the entry', async () => {
    const position = positionOf(seed, '政府治理', 2);
    const first = await hoverText(seed.uri, position);
    assert.match(first, /\*\*治理\*\*[\s\S]*to govern/, 'the dictionary entry never waits for the study data');
    // The first hover starts the study data's load (pinyin model, components); wait for
    // that load, not for a flaky hover: each probe is a fresh request.
    let text = first;
    for (let i = 0; i < 60 && !/HSK 3\.0 level/.test(text); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      text = await hoverText(seed.uri, position);
    }
    assert.match(text, /HSK 3\.0 level 5 · HSK 2\.0 level 6 · frequency rank [\d,]+/);
    assert.match(text, /\[Add to Word List\]\(command:chineseReader\.study\.addToWordList\?/);
    assert.ok(text.indexOf('HSK 3.0') > text.indexOf('to govern'), 'the study part comes after the entry');
  });

  it('ranks a JSON glossary entry above CC-CEDICT, with its markup escaped and no command link', async () => {
    const position = positionOf(seed, '大數據', 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed.uri, position);
    const raw = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    // The only live links are the study tools' own allow-listed word-list commands; the
    // glossary's `[quit](command:workbench.action.quit)` stays text.
    const live = [...raw.matchAll(/(?<!\\)\]\(command:([\w.]+)/g)].map((m) => m[1] ?? '');
    assert.ok(live.length > 0 && live.every((id) => STUDY_HOVER_LINKABLE.includes(id)), `only allow-listed command links: ${live.join(', ')}`);
    assert.ok(!live.includes('workbench.action.quit'), 'no live command link from the glossary');
    assert.doesNotMatch(raw, /(?<!\\)<b>/, 'no live HTML');
    const text = await hoverText(seed.uri, position);
    const glossary = text.indexOf('big data **(project usage)** <b>bold?</b> [quit](command:workbench.action.quit)');
    const cedict = text.indexOf('*CC-CEDICT*');
    assert.ok(glossary >= 0, `the glossary gloss, shown as text:\n${text}`);
    assert.ok(cedict > glossary, 'the CC-CEDICT entry comes after the glossary entry');
    assert.match(text, /Glossary hover\/project\.glossary\.json, line 2/);
    assert.match(text, /dà shù jù/);
  });

  it('breaks an unknown compound into its parts', async () => {
    const text = await hoverText(seed.uri, positionOf(seed, '公共服務', 1));
    assert.match(text, /\*\*公共服務\*\* is not in the dictionary; its parts: 公共 \+ 服務/);
    assert.match(text, /public; common/);
    assert.match(text, /service/);
  });

  it('shows the longest match from the hovered character only when it adds a word (Zhongwen)', async () => {
    // 字 inside 數字政府 is one of its parts already: no extra block.
    assert.doesNotMatch(await hoverText(seed.uri, positionOf(seed, '數字政府', 1)), /Also a dictionary word|Longest match/);
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '他的確定了' });
    const text = await hoverText(document.uri, new vscode.Position(0, 1));
    assert.match(text, /\*\*的\*\*/);
    assert.match(text, /Also a dictionary word, read on from here:\s+\*\*的確\*\* · 的确\s+dí què/);
  });

  it('finds a word written in mixed scripts (對于 in the seed) under the dictionary form, saying how it is written', async () => {
    const text = await hoverText(seed.uri, positionOf(seed, '對于技術', 0));
    assert.match(text, /\*\*對於\*\* · 对于\s+duì yú/);
    assert.match(text, /\*written 對于 here\*/);
    assert.doesNotMatch(text, /not in the dictionary/);
  });

  it('shows a glossary edit on the next hover, without a reload', async () => {
    const changed = new Promise<void>((resolve) => {
      const listener = api.hoverGlossary.glossary.onDidChange(() => {
        if (api.hoverGlossary.glossary.terms().includes('城市大腦')) {
          listener.dispose();
          resolve();
        }
      });
    });
    const edited = new TextDecoder().decode(originalGlossary).replace('new infrastructure (', 'NEW-STYLE infrastructure (') + '城市大腦\t城市大脑\tchéng shì dà nǎo\tcity brain (a city data platform)\t\n';
    await vscode.workspace.fs.writeFile(glossaryUri(), new TextEncoder().encode(edited));
    await changed;
    const text = await hoverText(seed.uri, positionOf(seed, '新基建', 1));
    assert.match(text, /NEW-STYLE infrastructure/);
  });

  it('applies an unsaved edit of an open glossary file on the next hover', async () => {
    const editor = await vscode.window.showTextDocument(glossaryUri());
    try {
      assert.ok(!api.hoverGlossary.glossary.terms().includes('数据中台'), 'a term new to the glossary');
      const changed = waitFor('the unsaved entry', () => api.hoverGlossary.glossary.terms().includes('数据中台'), [api.hoverGlossary.glossary.onDidChange]);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const prefix = end.character > 0 ? '\n' : '';
      assert.ok(await editor.edit((b) => b.insert(end, `${prefix}數據中台\t\t\tdata middle platform (UNSAVED edit)\t\n`)));
      assert.ok(editor.document.isDirty);
      await changed;
      const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '建設數據中台的城市' });
      assert.match(await hoverText(document.uri, new vscode.Position(0, 4)), /\*\*數據中台\*\*[\s\S]*data middle platform \(UNSAVED edit\)/);
    } finally {
      await vscode.window.showTextDocument(glossaryUri());
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('puts a diagnostic on a malformed glossary row, and loads the other rows', async () => {
    const broken = new TextDecoder().decode(originalGlossary) + '壞行\tonly three\tcolumns\n';
    const badLine = broken.split('\n').length - 2;
    await vscode.workspace.fs.writeFile(glossaryUri(), new TextEncoder().encode(broken));
    const diagnostics = await waitFor(
      'a glossary diagnostic',
      () => {
        const list = vscode.languages.getDiagnostics(glossaryUri()).filter((d) => d.source === 'Chinese Reader glossary');
        return list.length > 0 ? list : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, badLine);
    assert.match(diagnostics[0]!.message, /found 3/);
    assert.ok(api.hoverGlossary.glossary.terms().includes('健康码'), 'the good rows still load, in both scripts');
    await vscode.workspace.fs.writeFile(glossaryUri(), originalGlossary);
    await waitFor('the diagnostic to clear', () => vscode.languages.getDiagnostics(glossaryUri()).length === 0, [vscode.languages.onDidChangeDiagnostics]);
  });

  it('shows inline glossary entries from settings, marked as such', async () => {
    const restore = await withSetting('glossary.entries', [{ term: '城市大腦', pinyin: 'cheng2 shi4 da4 nao3', english: 'city brain (inline entry)' }]);
    try {
      await waitFor('the inline entry', () => api.hoverGlossary.glossary.terms().includes('城市大脑'), [api.hoverGlossary.glossary.onDidChange]);
      const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '杭州的城市大腦很有名' });
      const text = await hoverText(document.uri, new vscode.Position(0, 4));
      assert.match(text, /\*\*城市大腦\*\* · 城市大脑\s+chéng shì dà nǎo/);
      assert.match(text, /city brain \(inline entry\)/);
      assert.match(text, /Glossary in settings/);
    } finally {
      await restore();
    }
  });

  it('follows the hover settings: zhuyin, no tone colours, Simplified first, fewer definitions', async () => {
    const restores = [
      await withSetting('hover.zhuyin', true),
      await withSetting('hover.toneColors', 'none'),
      await withSetting('hover.scriptFirst', 'simplified'),
      await withSetting('hover.maxDefinitions', 2),
    ];
    try {
      const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '看數字' });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1));
      const raw = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      assert.doesNotMatch(raw, /<span/);
      const text = await hoverText(document.uri, new vscode.Position(0, 1));
      assert.match(text, /\*\*数字\*\* · 數字\s+shù zì \(ㄕㄨˋ ㄗˋ\)/);
      assert.match(text, /2\. digit\s+\*…and 4 more\*/);
      assert.doesNotMatch(text, /3\. number/);
    } finally {
      for (const restore of restores) await restore();
    }
  });

  it('segments with the engine chineseReader.segmenter.engine names', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '數字政府建設' });
    assert.match(await hoverText(document.uri, new vscode.Position(0, 4)), /\*\*建設\*\*/);
    assert.equal(api.hoverGlossary.lastEngine(), 'jieba-rs', 'the default');
    // Running from the repository, nodejieba (built in node_modules) loads; the .vsix falls back (see the README).
    const restore = await withSetting('segmenter.engine', 'nodejieba');
    try {
      const text = await hoverText(document.uri, new vscode.Position(0, 4));
      assert.equal(api.hoverGlossary.lastEngine(), 'nodejieba');
      assert.match(text, /\*\*建設\*\*[\s\S]*jiàn shè/);
    } finally {
      await restore();
    }
    await hoverText(document.uri, new vscode.Position(0, 4));
    assert.equal(api.hoverGlossary.lastEngine(), 'jieba-rs');
  });

  it('is off when chineseReader.hover.enabled is false', async () => {
    const restore = await withSetting('hover.enabled', false);
    try {
      assert.equal(await hoverText(seed.uri, positionOf(seed, '新基建', 1)), '');
    } finally {
      await restore();
    }
  });

  it('shows nothing over Latin text', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: 'IoT 與 5G' });
    assert.equal(await hoverText(document.uri, new vscode.Position(0, 1)), '');
    assert.match(await hoverText(document.uri, new vscode.Position(0, 4)), /\*\*與\*\*/);
  });

  it('hovers an Extension B character from either of its UTF-16 units', async () => {
    // 𠮷 (U+20BB7) is two UTF-16 units; CC-CEDICT lacks it, and the hover says so.
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '看𠮷字' });
    for (const character of [1, 2]) {
      assert.match(await hoverText(document.uri, new vscode.Position(0, character)), /\*\*𠮷\*\*: not in any dictionary/, `at ${character}`);
    }
  });
});
