// better-sqlite3 compiles from source on machines that cannot download its prebuilt binary, and node-gyp
// then needs Node's headers. Node ships them in its own install prefix (<prefix>/include/node), so unless
// the user already chose a directory (`nodedir` in an .npmrc or npm_config_nodedir), point node-gyp there.
// pnpm hands its raw config to build scripts as npm_config_* variables, so setting it here is enough.
const path = require('node:path');
const fs = require('node:fs');

function nodeHeadersPrefix() {
  const prefix = path.resolve(process.execPath, '..', '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

module.exports = {
  hooks: {
    updateConfig(config) {
      const raw = config.rawConfig ?? {};
      if (!raw.nodedir && !process.env.npm_config_nodedir) {
        const prefix = nodeHeadersPrefix();
        if (prefix) config.rawConfig = { ...raw, nodedir: prefix };
      }
      return config;
    },
  },
};
