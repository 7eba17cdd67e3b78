import { KnownHiddenRows, PlanAnswer } from '../shared/api';
import { checkKnownHiddenRows } from '../core/hidden-rows';
import { readSelection } from './selection-reader';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';

/**
 * The plan for the current selection, with the user's settings (skip hidden, skip finished, run cap). On a large
 * selection the first call answers with the rows to check for being hidden; the sidebar has them checked and calls
 * again with `known`.
 */
export function readSelectionPlan(known?: KnownHiddenRows): PlanAnswer {
  const checked = checkKnownHiddenRows(known);
  if (typeof checked === 'string') throw new UserFacingError(checked);
  return readSelection(readSettings(), checked);
}
