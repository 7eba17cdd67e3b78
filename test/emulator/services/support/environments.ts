import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBundle, type LoadedBundle } from '../../../../emulator/bundle-loader';
import {
  type AppsScriptEnvironment,
  type AppsScriptEnvironmentOptions,
  createAppsScriptEnvironment,
} from '../../../../emulator/environment';

const opened: AppsScriptEnvironment[] = [];

/** A temporary build directory holding `files` (e.g. Sidebar.html, appsscript.json, Code.js). */
export function tempBuildDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-emulator-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** An environment on an empty temporary build directory (no manifest: no allowlist), closed by closeEnvironments. */
export function testEnvironment(options: AppsScriptEnvironmentOptions = {}): AppsScriptEnvironment {
  const env = createAppsScriptEnvironment({ buildDir: tempBuildDir(), ...options });
  opened.push(env);
  return env;
}

/** Loads `code` as the project's Code.js. */
export function loadCode(env: AppsScriptEnvironment, code: string): LoadedBundle {
  const file = path.join(tempBuildDir(), 'Code.js');
  fs.writeFileSync(file, code);
  return loadBundle(env, file);
}

export function closeEnvironments(): void {
  for (const env of opened.splice(0)) env.close();
}
