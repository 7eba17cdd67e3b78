// docs/bench/RESULTS.md, sections: The Sheets round trips of a steady chunk and where they come from, and the targets.
import type { BenchReport } from './report';
import { count, markdownTable } from './format';
import { sheetsByMethodRows, summaryResult } from './report-console';

/**
 * Where each Sheets round trip of a steady chunk comes from in src/server (read there when this was written; the
 * counts themselves are measured on every run). A method the run made that is not listed here is flagged.
 */
export const ROUND_TRIP_ORIGINS: Record<string, string> = {
  'Sheet.getFrozenRows': 'core/run/chunk-program.ts targetSheet: the header check before sending',
  'Sheet.getLastRow':
    "core/run/find-cells.ts dataExtent, before sending and again under the lock (the target sheet's data extent); " +
    "sheet-append.ts appendRows (the log sheet's last row)",
  'Sheet.getLastColumn':
    'core/run/find-cells.ts dataExtent before sending; core/run/result-cells.ts ensureResultColumns under the lock (the header row)',
  'Range.getDisplayValues':
    'core/run/find-cells.ts readSpans: the ID column before sending and again under the lock; core/run/result-cells.ts: the header row',
  'Range.setValues': 'results-writer.ts: the result rows; sheet-append.ts appendRows: the log rows',
  'SpreadsheetApp.flush': 'document-lock.ts: before the document lock is released',
};

/** ## Sheets round trips of a chunk: which calls count, a steady chunk's by method, where they come from. */
export function roundTripsSection(report: BenchReport): string[] {
  const r = summaryResult(report);
  const rt = r.roundTrips;
  const rows = Object.entries(rt.steadyByMethod).map(([method, n]) => [
    method,
    String(n),
    ROUND_TRIP_ORIGINS[method] ?? '(not traced)',
  ]);
  const byMethod = sheetsByMethodRows(report.results);
  const largest = report.results[report.results.length - 1];
  return [
    '## Sheets round trips of a chunk',
    '',
    `A steady chunk at N = ${count(r.n)} makes **${rt.steady}** round trips to the spreadsheet (the opening chunk ` +
      `${rt.opening}: it also creates the result columns and the log sheet; the most of any later chunk ` +
      `${rt.maxAfterOpening}${
        rt.maxAfterOpening > rt.steady
          ? ': a chunk whose log rows did not fit, so the log sheet was measured and grown (once per 1,000 log rows, ' +
            'src/server/sheet-append.ts)'
          : ''
      }). At N = ${count(report.probe.n)} with chunk sizes ` +
      `${report.probe.bySize.map((p) => `${p.chunkSize}: ${p.steadyRoundTrips}`).join(', ')}; at N = ` +
      `${count(largest.n)}: ${largest.roundTrips.steady}.`,
    '',
    markdownTable(['call of a steady chunk', 'times', 'where (src/server)'], rows, 3),
    '',
    "- **Counted** as round trips: every Sheets call that reads the document's values or grid (getDisplayValues, " +
      'getValues, getLastRow, getLastColumn, getFrozenRows, getMaxRows, isRowHiddenByUser...: Apps Script has to ' +
      'apply the pending writes and fetch them) or writes it (setValues, insert*, deleteColumns, setFrozenRows, ' +
      'flush). **Not counted**: handle getters (getActiveSpreadsheet, getActiveSheet, getSheetById, getSheetByName, ' +
      'getSheets, getRange, getRangeList) and getters of what the handle was made from (getName, getSheetId, getRow, ' +
      'getColumn, getNumRows, getNumColumns, getA1Notation). The list is HANDLE_METHODS in bench/cost-model.ts, ' +
      'which also prices them at 0 ms; Google documents none of this [I]. getName is the one debatable call: counted, ' +
      'a steady chunk would make one more.',
    '',
    '### Sheets calls by method, all of them',
    '',
    markdownTable(byMethod.header, byMethod.rows),
    '',
  ];
}

export function targetsSection(report: BenchReport): string[] {
  const table = markdownTable(
    ['target', 'status', 'figures'],
    report.targets.map((t) => [t.target, t.met === undefined ? 'reported' : t.met ? 'met' : '**not met**', t.detail]),
    3,
  );
  return ['## Targets', '', table, ''];
}
