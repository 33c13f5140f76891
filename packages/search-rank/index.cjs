'use strict';
// Where node-gyp put the extension built from search_rank.c, and the name of its entry point. In the
// packaged app this folder sits inside app.asar, but the extension itself is unpacked beside it
// (electron-builder.yml's asarUnpack): SQLite opens it with the system's loader, which cannot read an asar.
const path = require('node:path');

exports.file = path
  .join(__dirname, 'build', 'Release', 'holding_search_rank.node')
  .replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
exports.entryPoint = 'sqlite3_holdingrank_init';
