import { PlanAnswer } from '../shared/api';
import { readSelection } from './selection-reader';
import { readSettings } from './user-settings';

/** The plan for the current selection, with the user's settings (skip hidden, skip finished, run cap). */
export function readSelectionPlan(): PlanAnswer {
  return readSelection(readSettings());
}
