// A copy of build/ taken when the benchmark starts: others may rebuild while it runs (the run takes minutes),
// and every scenario must measure the same bundle. The copy's fingerprint goes into the report.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BUILD_DIR } from '../emulator/environment';

const FILES = ['Code.js', 'Sidebar.html', 'appsscript.json'];

export interface BuildSnapshot {
  dir: string;
  /** First 12 hex digits of the SHA-256 of Code.js and Sidebar.html. */
  fingerprint: string;
  builtAt: string;
}

export function fingerprintOf(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of ['Code.js', 'Sidebar.html']) hash.update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

export function snapshotBuild(from: string = DEFAULT_BUILD_DIR): BuildSnapshot {
  const missing = FILES.filter((f) => !fs.existsSync(path.join(from, f)));
  if (missing.length > 0) throw new Error(`build/ lacks ${missing.join(', ')}: run \`npm run build\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aodocs-bench-build-'));
  for (const file of FILES) fs.copyFileSync(path.join(from, file), path.join(dir, file));
  return {
    dir,
    fingerprint: fingerprintOf(dir),
    builtAt: fs.statSync(path.join(from, 'Code.js')).mtime.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

/** The live build/ fingerprint, or undefined while it is being rebuilt. */
export function liveFingerprint(): string | undefined {
  try {
    return fingerprintOf(DEFAULT_BUILD_DIR);
  } catch {
    return undefined;
  }
}

export function removeSnapshot(snapshot: BuildSnapshot): void {
  fs.rmSync(snapshot.dir, { recursive: true, force: true });
}
