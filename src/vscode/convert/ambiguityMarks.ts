/**
 * Marks, for one review pass, the characters a conversion chose without a phrase to go
 * by (干 → 幹 where 乾 may be meant): hint diagnostics with a quick fix per alternative
 * and a command listing them. A mark follows edits elsewhere in the document and goes
 * when its text is edited, when the document closes or when the setting is turned off.
 */
import * as vscode from 'vscode';
import type { Ambiguity } from '../../core/convert/engine';
import { COMMANDS } from '../commandIds';
import { affectsChineseReader, getSetting } from '../config';

export const AMBIGUITY_SOURCE = 'Chinese Reader';
export const AMBIGUITY_CODE = 'zh.convert.ambiguous';

export interface ChooseRequest {
  readonly alternative?: string;
  readonly keep?: boolean;
  readonly offset?: number;
}

interface Mark {
  start: number;
  end: number;
  readonly ambiguity: Ambiguity;
}

export interface AmbiguityMarks extends vscode.Disposable {
  /** Replaces the marks of a document with those of a conversion just applied. */
  set(document: vscode.TextDocument, ambiguities: readonly Ambiguity[]): void;
  /**
   * Replaces a marked character (at `offset`, else at or after the cursor) by an
   * alternative, asking which when none is given; `keep` settles the conversion's choice.
   */
  choose(request: ChooseRequest): Promise<boolean>;
}

function describe(a: Ambiguity): string {
  const others = a.alternatives.filter((x) => x !== a.chosen);
  const args = { source: a.source, chosen: a.chosen, others: others.join(', ') };
  return others.length === 1
    ? vscode.l10n.t('{source} → {chosen} was chosen without context; {others} is also possible.', args)
    : vscode.l10n.t('{source} → {chosen} was chosen without context; {others} are also possible.', args);
}

export function registerAmbiguityMarks(): AmbiguityMarks {
  const collection = vscode.languages.createDiagnosticCollection('chineseReader.convert');
  const marks = new Map<string, Mark[]>();

  const publish = (document: vscode.TextDocument) => {
    const list = marks.get(document.uri.toString()) ?? [];
    collection.set(
      document.uri,
      list.map((m) => {
        const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
        const diagnostic = new vscode.Diagnostic(range, describe(m.ambiguity), vscode.DiagnosticSeverity.Hint);
        diagnostic.source = AMBIGUITY_SOURCE;
        diagnostic.code = AMBIGUITY_CODE;
        return diagnostic;
      }),
    );
  };

  const clear = (uri: vscode.Uri) => {
    marks.delete(uri.toString());
    collection.delete(uri);
  };

  /** Keeps marks on their characters while the document is edited elsewhere; drops edited ones. */
  const follow = (event: vscode.TextDocumentChangeEvent) => {
    const list = marks.get(event.document.uri.toString());
    if (!list || event.contentChanges.length === 0) return;
    let kept = list;
    // Changes are applied from the end backwards, so earlier offsets stay valid.
    const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const change of changes) {
      const start = change.rangeOffset;
      const end = start + change.rangeLength;
      const delta = change.text.length - change.rangeLength;
      kept = kept.filter((m) => m.end <= start || m.start >= end);
      for (const m of kept) {
        if (m.start >= end) {
          m.start += delta;
          m.end += delta;
        }
      }
    }
    if (kept.length === 0) marks.delete(event.document.uri.toString());
    else marks.set(event.document.uri.toString(), kept);
    publish(event.document);
  };

  const markAt = (document: vscode.TextDocument, position: vscode.Position): Mark | undefined => {
    const offset = document.offsetAt(position);
    const list = marks.get(document.uri.toString()) ?? [];
    return list.find((m) => m.start <= offset && offset <= m.end) ?? list.find((m) => m.start >= offset);
  };

  const replace = async (document: vscode.TextDocument, mark: Mark, alternative: string) => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(mark.start), document.positionAt(mark.end)), alternative);
    return vscode.workspace.applyEdit(edit);
  };

  const quickFixes: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== AMBIGUITY_SOURCE || diagnostic.code !== AMBIGUITY_CODE) continue;
        const offset = document.offsetAt(diagnostic.range.start);
        const mark = marks.get(document.uri.toString())?.find((m) => m.start === offset);
        if (!mark) continue;
        for (const alternative of mark.ambiguity.alternatives) {
          if (alternative === mark.ambiguity.chosen) continue;
          const action = new vscode.CodeAction(vscode.l10n.t('Use {alternative} instead of {chosen}', { alternative, chosen: mark.ambiguity.chosen }), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, diagnostic.range, alternative);
          actions.push(action);
        }
        const keep = new vscode.CodeAction(vscode.l10n.t('Keep {chosen}', { chosen: mark.ambiguity.chosen }), vscode.CodeActionKind.QuickFix);
        keep.diagnostics = [diagnostic];
        keep.command = { command: COMMANDS.chooseConversionAlternative, title: keep.title, arguments: [{ keep: true, offset }] };
        actions.push(keep);
      }
      return actions;
    },
  };

  const disposable = vscode.Disposable.from(
    collection,
    vscode.workspace.onDidChangeTextDocument(follow),
    vscode.workspace.onDidCloseTextDocument((d) => clear(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsChineseReader(e)) return;
      for (const key of [...marks.keys()]) {
        const uri = vscode.Uri.parse(key);
        if (!getSetting('convert.markAmbiguous', uri)) clear(uri);
      }
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, quickFixes, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );

  return {
    set(document, ambiguities) {
      if (ambiguities.length === 0 || !getSetting('convert.markAmbiguous', document)) {
        clear(document.uri);
        return;
      }
      marks.set(
        document.uri.toString(),
        ambiguities.map((ambiguity) => ({ start: ambiguity.start, end: ambiguity.end, ambiguity })),
      );
      publish(document);
    },
    async choose(request) {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const document = editor.document;
      const mark = markAt(document, request.offset === undefined ? editor.selection.active : document.positionAt(request.offset));
      if (!mark) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: no conversion choice is marked here.'));
        return false;
      }
      let choice = request.keep ? mark.ambiguity.chosen : request.alternative;
      if (choice === undefined) {
        const picked = await vscode.window.showQuickPick(
          mark.ambiguity.alternatives.map((a) => ({
            label: a,
            description: a === mark.ambiguity.chosen ? vscode.l10n.t('chosen by the conversion') : undefined,
          })),
          { title: vscode.l10n.t('Convert {source} to…', { source: mark.ambiguity.source }), placeHolder: describe(mark.ambiguity) },
        );
        if (!picked) return false;
        choice = picked.label;
      }
      if (!mark.ambiguity.alternatives.includes(choice)) throw new Error(vscode.l10n.t('{choice} is not a reading of {source}', { choice, source: mark.ambiguity.source }));
      if (choice === mark.ambiguity.chosen) {
        // Keeping the choice settles it: the mark goes.
        const list = marks.get(document.uri.toString())?.filter((m) => m !== mark) ?? [];
        marks.set(document.uri.toString(), list);
        publish(document);
        return true;
      }
      return replace(document, mark, choice);
    },
    dispose: () => {
      disposable.dispose();
    },
  };
}
