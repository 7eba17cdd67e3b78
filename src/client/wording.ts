// Sentences of the sidebar that depend on numbers.

export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The confirmation question, with the exact count. */
export function confirmCancelSentence(jobs: number): string {
  return `Cancel ${plural(jobs, 'AODocs job')}? Their pending tasks will not run. Tasks already done are not undone.`;
}

/** How quickly Stop takes hold, for the confirmation and the Stop button. */
export function stopHoldsSentence(brake: number): string {
  return `Stop takes hold at once; at most ${plural(brake, 'cancel')} already on their way can still reach AODocs.`;
}

/** The price of the "Chunks sent at once" setting, shown under it. */
export function brakeSentence(chunkSize: number, chunksInFlight: number): string {
  if (!(chunkSize >= 1 && chunksInFlight >= 1)) return 'More chunks at once is faster, but Stop then brakes later.';
  return (
    `More chunks at once is faster, but Stop then brakes later: with ${plural(chunkSize, 'job')} per chunk and ` +
    `${chunksInFlight} at once, up to ${plural(chunkSize * chunksInFlight, 'cancel')} can still reach AODocs ` +
    'after Stop is pressed.'
  );
}

/** "about 2 min left", "about 40 s left". */
export function timeLeftSentence(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
