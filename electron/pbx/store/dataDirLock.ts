import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../../common';

export const LOCK_FILE = 'pbx.lock';

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Makes sure one PBX at a time writes a data dir: two writers would overwrite each other's changes. A lock left by a
 * process that died (kill -9, power loss) is taken over.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx', PRIVATE_FILE_MODE);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => unlink(file).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new Error(`The data dir ${dir} is in use by another Hotdesk PBX (process ${owner}); stop it or use another --data-dir`);
    }
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`Could not lock the data dir ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
