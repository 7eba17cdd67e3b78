// What the playground tells its user about itself: where the add-on's AODocs address goes, and the demo
// libraries of the built-in simulator. Shown beside the sidebar, and offered in the sidebar's Library ID field by
// a script the playground puts into the sidebar's frame (the add-on's own sidebar knows nothing of it).
import { DEMO_LIBRARY_IDS } from '../../simulator/demo-seed';
import { PRODUCTION_BASE_URL, STAGING_BASE_URL } from '../../src/core/settings';

export interface DemoLibrary {
  name: string;
  id: string;
  about: string;
}

export interface PlaygroundInfo {
  /** Where the Settings presets (AODocs production and staging) are routed. */
  aodocsUrl: string;
  /** The API addresses of Settings that are routed there. */
  routedAddresses: string[];
  /** True when that is the simulator the playground started. */
  builtInSimulator: boolean;
  /** The simulator's demo libraries: empty with another AODocs (--aodocs-url). */
  demoLibraries: DemoLibrary[];
}

export const DEMO_LIBRARIES: DemoLibrary[] = [
  { name: 'Bulk imports', id: DEMO_LIBRARY_IDS.imports, about: '125 jobs in progress' },
  { name: 'Contracts', id: DEMO_LIBRARY_IDS.contracts, about: 'jobs in every status' },
  { name: 'HR records', id: DEMO_LIBRARY_IDS.hr, about: 'you are not an administrator there' },
];

export function playgroundInfo(aodocsUrl: string, builtInSimulator: boolean): PlaygroundInfo {
  return {
    aodocsUrl,
    routedAddresses: [PRODUCTION_BASE_URL, STAGING_BASE_URL],
    builtInSimulator,
    demoLibraries: builtInSimulator ? DEMO_LIBRARIES : [],
  };
}
