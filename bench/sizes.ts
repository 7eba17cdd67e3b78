// Sizes of what clasp pushes: the server bundle and the sidebar page (loaded by Apps Script at each execution
// and by the browser at each opening of the sidebar).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuildSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function buildSizes(buildDir: string): BuildSize[] {
  return ['Code.js', 'Sidebar.html'].map((file) => {
    const content = fs.readFileSync(path.join(buildDir, file));
    return { file: `build/${file}`, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
}
