import { loadDataSet } from '../legacy-mocks/data/index.js';
import type { RunningContender } from './contenders/index.js';
import { graphqlRequest } from './contenders/graphqlRequest.js';
import { buildCommit } from './deployed/prepareBuild.js';
import { startDeployedBackend, type DeployedBackend } from './deployed/startDeployedBackend.js';
import { startGatewayPiece } from './deployed/startGatewayPiece.js';
import type { Piece } from './deployed/startPiece.js';
import { compareAnswers, legacyAdmin, type LegacyAdmin } from './legacyAdmin.js';
import { LATENCIES, type LoadBenchmarkSettings } from './loadSettings.js';
import { measureCell, piecesUsedBy, type Measurement } from './measureCell.js';
import { growthScenarios } from './scenarios/index.js';

/** The page measured against the old commit: the company with 1,000 shareholders, a page of 100. */
const SHAREHOLDERS = 1000;

export interface OldCommitFigures {
  commit: string;
  shareholders: number;
  /** Contender 1 (everything on) as that commit built and ran it: its own stand-ins, subgraphs and gateway. */
  before: Measurement;
  /** Contender 1 of this build, measured right after, so the two share the machine's state. */
  after: Measurement;
  /** Differences between the two answers (none expected: the same data). */
  answerDifferences: string[];
}

/**
 * Issue 23's "≥ 2× today's requests/s" for the 1,000-shareholder page, in one run: the old commit
 * built as `npm run build` built it then (buildCommit), its pieces started as deployed, its
 * gateway with everything on measured on the growth cell; then this build's, back to back. The
 * two answers are compared first.
 */
export async function measureOldCommit(
  commit: string,
  context: {
    backend: DeployedBackend;
    legacy: LegacyAdmin;
    settings: LoadBenchmarkSettings;
    log: (line: string) => void;
  },
): Promise<OldCommitFigures> {
  const { backend, legacy, settings, log } = context;
  const { scenario } = growthScenarios(loadDataSet(), [SHAREHOLDERS])[0]!;
  const { build, dispose } = await buildCommit(commit, log);
  const started: Piece[] = [];
  let oldBackend: DeployedBackend | null = null;
  try {
    oldBackend = await startDeployedBackend(build, { open: false, log });
    const oldGateway = await startGatewayPiece(oldBackend, {
      subgraphs: 'guarded',
      limits: 'lifted',
      name: `gateway at ${commit}`,
    });
    started.push(oldGateway);
    const newGateway = await startGatewayPiece(backend, { subgraphs: 'guarded', limits: 'lifted' });
    started.push(newGateway);
    const asContender = (piece: Piece, tokens: DeployedBackend): RunningContender => ({
      pid: piece.pid,
      requestFor: (asked) =>
        graphqlRequest(`${piece.origin}/graphql`, asked, { document: 'portal', tokenFor: tokens.tokenFor }),
      stop: piece.stop,
    });
    const before = asContender(oldGateway, oldBackend);
    const after = asContender(newGateway, backend);
    const answerDifferences = (
      await compareAnswers(
        [scenario],
        new Map([
          [1, after],
          [0, before],
        ]),
      )
    ).map((difference) => difference.replace('contender 0', `commit ${commit}`));
    const cell = (contender: RunningContender, pieces: Piece[], admin: LegacyAdmin) =>
      contender
        .requestFor(scenario)
        .then((request) =>
          measureCell({ pid: contender.pid, request, pieces }, { legacy: admin, latency: LATENCIES[0], ...settings }),
        )
        .then(({ peakMemoryReset: _reset, ...measurement }) => measurement);
    log(`commit ${commit}: ${scenario.name}, contender 1`);
    const beforeFigures = await cell(before, piecesUsedBy(1, oldBackend.pieces), legacyAdmin(oldBackend.legacy));
    log(`this build: ${scenario.name}, contender 1`);
    const afterFigures = await cell(after, piecesUsedBy(1, backend.pieces), legacy);
    log(
      `1,000 shareholders: ${beforeFigures.requestsPerSecond.toFixed(1)} req/s at ${commit}, ${afterFigures.requestsPerSecond.toFixed(1)} now`,
    );
    return { commit, shareholders: SHAREHOLDERS, before: beforeFigures, after: afterFigures, answerDifferences };
  } finally {
    await Promise.allSettled(started.map((piece) => piece.stop()));
    await oldBackend?.stop();
    dispose();
  }
}
