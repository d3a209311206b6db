// `npm start`'s prestart: build the web app only when dist/web is missing or older than web/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const index = join(root, 'dist', 'web', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function reason() {
  if (!existsSync(index)) return 'dist/web/index.html is missing';
  if (newestMtime(join(root, 'web')) > statSync(index).mtimeMs) return 'web/ changed since the last build';
  return null;
}

const why = reason();
if (!why) {
  console.log('web build is current (dist/web)');
} else {
  console.log(`building the web app: ${why}`);
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const { status, error } = spawnSync(vite, ['build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (error) console.error(error.message);
  process.exit(status ?? 1);
}
