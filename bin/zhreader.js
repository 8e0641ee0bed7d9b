#!/usr/bin/env node
// Launcher for the bundled CLI; `npm run build` (or the README's setup) creates dist/cli.js.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('zhreader: dist/cli.js is missing; run "npm run build" in the Chinese Reader folder first.');
  process.exit(2);
}
require(cli);
