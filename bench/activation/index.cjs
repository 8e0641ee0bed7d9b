// Runs inside VS Code's extension host (code-server) as an extension test module.
// VS Code usually activates Chinese Reader itself before this runs (a plaintext
// document opens at startup), so activation is measured in two parts, as VS Code's
// own "Running Extensions" view does: loading the bundle (timed here on a fresh
// module instance) and the time spent inside activate() (reported by the extension).
// The peer, an eager load of opencc-js as converter extensions do at activation, is
// timed in the same host.
const path = require('node:path');
const vscode = require('vscode');

const REPO = path.resolve(__dirname, '../..');

exports.run = async function run() {
  console.log('BENCH-START');
  const extension = vscode.extensions.getExtension('chinese-reader.chinese-reader');
  if (!extension) throw new Error('chinese-reader is not loaded');
  const api = await extension.activate();

  const bundle = path.join(REPO, 'dist/extension.js');
  delete require.cache[require.resolve(bundle)];
  const loadStarted = performance.now();
  require(bundle);
  const loadMs = performance.now() - loadStarted;

  const peerStarted = performance.now();
  const OpenCC = require(require.resolve('opencc-js', { paths: [REPO] }));
  OpenCC.Converter({ from: 'cn', to: 'tw' })('数字');
  const peerMs = performance.now() - peerStarted;

  console.log('BENCH ' + JSON.stringify({ loadMs, insideActivateMs: api.activationMs, peerMs }));
};
