import path from 'node:path';
import { defaultDataDir } from '@antoan/db/client';

/**
 * The SQLite folder of a command: `--data-dir`, else DATA_DIR, else the repository's `data/`; relative paths
 * are taken from the folder the command was typed in (pnpm's INIT_CWD), not the package's.
 */
export function commandDataDir(option: string | undefined): string {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const given = option ?? process.env.DATA_DIR;
  return given ? path.resolve(cwd, given) : defaultDataDir();
}
