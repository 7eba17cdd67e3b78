// The playground's first sheet: a header row and about 40 job IDs in every state the simulator's demo data
// has, so the first run shows every kind of result.
import { demoJobIds } from '../aodocs/demo-seed';

export function demoSheetRows(): string[][] {
  const ids = demoJobIds();
  const rows: [string, string][] = [
    ...ids.inProgress.slice(0, 24).map((id): [string, string] => [id, 'In progress: will be cancelled']),
    ...ids.finished.slice(0, 6).map((id): [string, string] => [id, 'Already finished']),
    ...ids.notAdmin.slice(0, 4).map((id): [string, string] => [id, 'Library you do not administer']),
    ...ids.unknown.slice(0, 2).map((id): [string, string] => [id, 'Unknown job']),
    [ids.inProgress[0], 'Duplicate of row 2'],
    ['not a/job id', 'Malformed ID'],
    [ids.withErrors[ids.withErrors.length - 1] ?? ids.inProgress[30], 'Has error events'],
    ['', ''],
    [ids.inProgress[40], 'After a blank row'],
  ];
  return [['Job ID', 'Note'], ...rows];
}
