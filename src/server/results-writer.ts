// How rows are written: the chunk program (core/run/result-cells.ts) decides which columns to create and which
// blocks of consecutive cells to write, under the document lock; each block is one setValues here, so a chunk's
// rows cost one Sheets call per block (docs/SOURCES.md#batch-operations).
import { SheetStep } from '../core/run/sheet-steps';
import { Handlers } from './step-runner';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function resultWriteHandlers(target: () => Sheet): Pick<Handlers<SheetStep>, 'insert-columns' | 'write-values'> {
  return {
    'insert-columns': (step) => target().insertColumnsAfter(step.after, step.count),
    'write-values': (step) =>
      target().getRange(step.row, step.column, step.values.length, step.values[0].length).setValues(step.values),
  };
}
