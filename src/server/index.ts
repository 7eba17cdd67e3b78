// The add-on's public surface: every function Apps Script or the sidebar calls by name, and nothing else.
// gas-webpack-plugin turns each name of this list into a top-level function of build/Code.js.
import { onInstall, onOpen } from './menu';
import { getSidebarState, openSidebar, openSidebarToCancel } from './sidebar';
import { askIdColumn, readSelectionPlan } from './selection-reader';
import { readHiddenRows } from './hidden-rows-reader';
import { chooseIdColumn } from './id-column-choice';
import { runChunk } from './run-chunk';
import { stopRun } from './run-stop';
import { selectRows } from './row-selection';
import { diagnostics, diagnosticsPing, readDiagnosticsCache, runDiagnostics } from './diagnostics';
import { getSettings, saveSettings } from './user-settings';
import { checkConnection } from './check-connection';
import { loadLibraryPage } from './load-library';
import { readJobErrors } from './job-errors';

export {
  onOpen,
  onInstall,
  openSidebar,
  openSidebarToCancel,
  getSidebarState,
  readSelectionPlan,
  readHiddenRows,
  chooseIdColumn,
  askIdColumn,
  runChunk,
  stopRun,
  selectRows,
  runDiagnostics,
  diagnostics,
  diagnosticsPing,
  readDiagnosticsCache,
  getSettings,
  saveSettings,
  checkConnection,
  loadLibraryPage,
  readJobErrors,
};
