// The playground's first sheet: a header row and about 40 job IDs in every state the simulator's demo data
// has, so the first run shows every kind of result.
import { HOSTILE_EVENT_MESSAGES, demoJobIds, demoSeed } from '../../simulator/demo-seed';

/** Jobs whose error events hold markup, so Job errors shows how untrusted text is displayed. */
function hostileErrorJobs(): string[] {
  return demoSeed()
    .jobs.filter((j) => (j.events ?? []).some((e) => e.message === HOSTILE_EVENT_MESSAGES[0]))
    .map((j) => j.jobId);
}

export function demoSheetRows(): string[][] {
  const ids = demoJobIds();
  const hostile = hostileErrorJobs();
  if (hostile.length === 0) throw new Error('The demo data has no job with hostile error events');
  const plain = ids.inProgress.filter((id) => !hostile.includes(id));
  const rows: [string, string][] = [
    ...plain.slice(0, 24).map((id): [string, string] => [id, 'In progress: will be cancelled']),
    ...ids.finished.slice(0, 6).map((id): [string, string] => [id, 'Already finished']),
    ...ids.notAdmin.slice(0, 4).map((id): [string, string] => [id, 'Library you do not administer']),
    ...ids.unknown.slice(0, 2).map((id): [string, string] => [id, 'Unknown job']),
    [plain[0], 'Duplicate of row 2'],
    ['not a/job id', 'Malformed ID'],
    [hostile[0], 'Has error events (Job errors)'],
    ['', ''],
    [plain[40], 'After a blank row'],
  ];
  return [['Job ID', 'Note'], ...rows];
}
