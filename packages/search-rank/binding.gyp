{
  # A SQLite extension, not a Node addon: it uses no Node API, so the one build serves Node (tests, the
  # browser shell) and Electron alike. node-gyp is here for its compilers on each platform.
  'targets': [
    {
      'target_name': 'holding_search_rank',
      'type': 'loadable_module',
      'sources': ['search_rank.c'],
      # sqlite3ext.h and sqlite3.h from the SQLite the app runs (better-sqlite3-multiple-ciphers' own copy).
      'include_dirs': ["<!(node -p \"require('path').join(require('path').dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'deps', 'sqlite3')\")"],
      'conditions': [['OS=="linux"', {'libraries': ['-lm']}]],
    },
  ],
}
