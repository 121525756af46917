/**
 * `npm run bench:hostile`: the hostile-neighbour scenario of issue 11 on its own (npm run bench
 * measures it too, in its run). The citizen dashboard's latency measured alone, then while another
 * client sends issue 11's attacks at full speed, against our gateway with its production limits,
 * every piece started from dist/ as deployed (bench/startLimitedStack.ts). Prints a Markdown
 * section and writes it into bench/RESULTS.md between its own markers; `-- --quick` runs short
 * windows and writes nothing. Aim: the dashboard's p99 under attack at most 2 × its p99 alone.
 */
import { measureHostileNeighbour, renderHostileNeighbour } from './measureHostileNeighbour.js';
import { startLimitedStack } from './startLimitedStack.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 4 : 15;

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

log('starting the back end and our gateway with its production limits');
const stack = await startLimitedStack(log);
try {
  const figures = await measureHostileNeighbour(stack, { seconds: SECONDS, log });
  const section = renderHostileNeighbour(figures, `every piece from ${stack.buildLabel}`);
  process.stdout.write(`${section}\n`);
  if (!quick)
    writeResultsSection(
      new URL('./RESULTS.md', import.meta.url).pathname,
      'Hostile neighbour: the citizen dashboard while another client attacks (`npm run bench:hostile`)',
      section,
      { name: 'hostile neighbour', command: 'npm run bench:hostile' },
    );
} finally {
  await stack.stop();
}
