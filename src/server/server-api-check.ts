// Compile-time only: the functions the sidebar calls (ServerApi, shared with the client) exist with these
// exact signatures. Nothing here runs or is bundled.
import type { ServerApi } from '../shared/api';
import type { getSidebarState, readSelectionPlan, runChunk } from './index';

type Implemented = {
  getSidebarState: typeof getSidebarState;
  readSelectionPlan: typeof readSelectionPlan;
  runChunk: typeof runChunk;
};
export type ServerApiIsImplemented = Implemented extends ServerApi ? true : never;
const check: ServerApiIsImplemented = true;
void check;
