// Compile-time only: the functions the sidebar calls (ServerApi, shared with the client) exist with these
// exact signatures. Nothing here runs or is bundled.
import type { ServerApi } from '../shared/api';
import type * as Server from './index';

type Implemented = { [K in keyof ServerApi]: (typeof Server)[K] };
export type ServerApiIsImplemented = Implemented extends ServerApi ? true : never;
const check: ServerApiIsImplemented = true;
void check;
