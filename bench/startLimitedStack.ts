import type { CallerClaims } from '../test/harness.js';
import { prepareBuild } from './deployed/prepareBuild.js';
import { startDeployedBackend } from './deployed/startDeployedBackend.js';
import { startGatewayPiece } from './deployed/startGatewayPiece.js';

export interface LimitedStack {
  /** The gateway's GraphQL address. */
  graphqlUrl: string;
  /** The gateway's origin, for its other routes. */
  origin: string;
  /** Where the pieces were started from (e.g. "dist/, reused"). */
  buildLabel: string;
  /** A token of the bench's issuer for this caller, valid for an hour. */
  tokenFor(claims: CallerClaims): Promise<string>;
  /** A token with any claims and lifetime (e.g. one that never expires). */
  sign(claims: Record<string, unknown>, sub: string, lifetime: { iat: number; exp: number }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The back end (stand-ins and protected subgraphs) and our gateway with its production caller
 * limits (README, "Limits": the settings' defaults), each piece its own process from dist/ (built
 * first if stale; HEAD built aside with `-- --build=head`), for the benchmarks that measure what one hostile client does to its neighbours
 * (bench:hostile, bench:hostile-routes).
 */
export async function startLimitedStack(log: (line: string) => void = () => {}): Promise<LimitedStack> {
  const { build, dispose } = await prepareBuild(process.argv.includes('--build=head') ? 'head' : 'dist', log);
  const backend = await startDeployedBackend(build, { open: false, log }).catch((error: unknown) => {
    dispose();
    throw error;
  });
  const gateway = await startGatewayPiece(backend, { subgraphs: 'guarded', limits: 'production' }).catch(
    async (error: unknown) => {
      await backend.stop();
      dispose();
      throw error;
    },
  );
  return {
    graphqlUrl: `${gateway.origin}/graphql`,
    origin: gateway.origin,
    buildLabel: build.label,
    tokenFor: backend.tokenFor,
    sign: backend.sign,
    stop: async () => {
      await gateway.stop();
      await backend.stop();
      dispose();
    },
  };
}
