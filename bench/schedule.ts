// Modelled wall time of a run in Apps Script: the sidebar keeps `inFlight` google.script.run calls going, each
// its own execution running in parallel with the others (the emulator ran them one after the other). Each free
// slot takes the next chunk in order, as src/client/run-driver.ts does.

/** Time at which the last of `durations` (taken in order by `inFlight` parallel slots) ends. */
export function parallelMakespan(durations: number[], inFlight: number): number {
  const slots = Array.from({ length: Math.max(1, inFlight) }, () => 0);
  for (const d of durations) {
    let earliest = 0;
    for (let i = 1; i < slots.length; i++) if (slots[i] < slots[earliest]) earliest = i;
    slots[earliest] += d;
  }
  return Math.max(...slots);
}
