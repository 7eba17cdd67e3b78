// Many jobs for the simulator: in-progress jobs of a library the demo admin administers, with IDs made here.
import { DEMO_ADMIN_EMAIL, DEMO_LIBRARY_IDS } from '../../simulator/demo-seed';
import type { JobStatus, StoredJob } from '../../simulator/types';

export function bulkJobs(count: number, prefix = 'bulk', statuses: JobStatus[] = ['IN_PROGRESS']): StoredJob[] {
  return Array.from({ length: count }, (_, i) => {
    const status = statuses[i % statuses.length];
    return {
      jobId: `${prefix}${String(i).padStart(5, '0')}`,
      libraryId: DEMO_LIBRARY_IDS.contracts,
      status,
      type: 'IMPORT_FOLDER',
      requestor: DEMO_ADMIN_EMAIL,
      completed: status !== 'IN_PROGRESS',
      startedAt: Date.UTC(2026, 0, 1) + i * 1000,
      lastActivityAt: Date.UTC(2026, 0, 2) + i * 1000,
      succeededTasks: i % 50,
      failedTasks: i % 3,
      remainingTasks: status === 'IN_PROGRESS' ? 10 + (i % 7) : 0,
      taskRetries: i % 2,
    };
  });
}
