// docs/bench/RESULTS.md: the figures of the last full `npm run bench`, one section per file (markdown-*.ts):
// the summary line and what each figure is, where the time goes, Stop and the trade-off, the Sheets round trips,
// the targets, the cost model with its sources, and the method with its caveats.
import type { BenchReport } from './report';
import { headerSection } from './markdown-header';
import { resultsSection, timeSection } from './markdown-time';
import { stopSection, tradeOffSection } from './markdown-stop';
import { roundTripsSection, targetsSection } from './markdown-round-trips';
import { sensitivitySection, sizesSection, costModelSection, methodSection } from './markdown-model';

/** The whole document: one function per section, each ending with the blank line before the next. */
export function resultsMarkdown(report: BenchReport): string {
  return [
    ...headerSection(report),
    ...resultsSection(report),
    ...timeSection(report),
    ...stopSection(report),
    ...tradeOffSection(report),
    ...roundTripsSection(report),
    ...targetsSection(report),
    ...sensitivitySection(report),
    ...sizesSection(report),
    ...costModelSection(report),
    ...methodSection(report),
  ].join('\n');
}
