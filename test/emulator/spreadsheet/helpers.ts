// Shared set-up for the emulated Spreadsheet service tests.
import { CallCounter } from '../../../emulator/call-counter';
import { EmulatedSpreadsheet } from '../../../emulator/spreadsheet';

/** A spreadsheet in Paris time (so time-zone mistakes show), with one sheet "Jobs" holding `rows`. */
export function spreadsheetWith(
  rows: unknown[][] = [],
  options: { addonName?: string; plainTextKeepsApostrophe?: boolean } = {},
) {
  const counter = new CallCounter();
  const es = new EmulatedSpreadsheet({ name: 'Team jobs', timeZone: 'Europe/Paris', counter, ...options });
  const control = es.addSheet('Jobs', rows);
  const app = es.app;
  const sheet = app.getActiveSheet();
  counter.reset();
  return { es, counter, control, app, sheet };
}

/** What the script would log for the error `fn` throws: "Exception: <message>". */
export function thrownBy(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String(error);
  }
  throw new Error('expected a throw');
}
