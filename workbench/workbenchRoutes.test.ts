import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, graphError, type Caller } from '../core/index.js';
import { DEPARTMENT_SETTINGS } from '../registry/departments.js';
import { repositoryRoot } from '../core/repositoryRoot.js';
import { createPolicyWorkbench } from './policyWorkbench.js';
import { checkPolicies, diffExplanations, explainPolicy, readCommittedPolicy } from './policyEngine.js';
import { listCommittedFiles, readCommittedFiles } from './readCommittedFiles.js';
import { createGitRunner, GitFailure, type GitRunner } from './runGit.js';
import { startWorkbenchWorker } from './startWorkbenchWorker.js';
import { privacyWorkbenchRoutes } from './workbenchRoutes.js';

/**
 * The workbench's routes over a bare node:http server, as serveGraphQL dispatches them (method and
 * path), and kit's workbench behind them with real git. Tokens are stand-ins here: `verifyCaller`
 * maps a few bearer values to callers, as gateway/auth.ts would map signed tokens.
 */
const REPOSITORY_ROOT = repositoryRoot();
const departments = DEPARTMENT_SETTINGS.map(({ name, schemaFile }) => ({ name, schemaFile }));
const schemaFiles = departments.map(({ schemaFile }) => schemaFile);
// The commit before the shared rules: the policy then denied tax officers Query.person.
const BEFORE_SHARED_RULES = 'fce0325';
const git = createGitRunner({ cwd: REPOSITORY_ROOT });
// One worker thread for every workbench of this file: starting one costs more than most tests.
const worker = startWorkbenchWorker();

const CALLERS: Record<string, Caller> = {
  'Bearer privacy': { kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'], azp: null, purpose: null },
  'Bearer tax': { kind: 'officer', sub: 'staff-0042', roles: ['tax-officer'], azp: null, purpose: null },
  'Bearer citizen': { kind: 'person', sub: '110101199003070011', roles: [], azp: null, purpose: null },
};
const PRIVACY = { authorization: 'Bearer privacy' };

async function verifyCaller(req: IncomingMessage): Promise<Caller> {
  const header = req.headers.authorization;
  if (header === undefined) return ANONYMOUS;
  const caller = CALLERS[header];
  if (!caller) throw graphError('UNAUTHENTICATED', "Not authenticated: the token's signature does not verify.");
  return caller;
}

/** The routes behind a bare server; `admitted` stands for a gateway that put the caller in `info` already. */
async function serve(
  routes: ReturnType<typeof privacyWorkbenchRoutes>,
  admitted: Caller = ANONYMOUS,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[`${req.method} ${path}`];
    if (!route) return void res.writeHead(404).end();
    void route(req, res, { req, requestId: 'r', correlationId: null, caller: admitted });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/** The real git, with every call written down. */
function recordingGit(): GitRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run: GitRunner = (args, options) => {
    calls.push([...args]);
    return git(args, options);
  };
  return Object.assign(run, { calls });
}

afterAll(() => worker.close());

describe('the privacy workbench routes', () => {
  const broken = mkdtempSync(join(tmpdir(), 'workbench-'));
  const recorded = recordingGit();
  const workbench = createPolicyWorkbench({ departments, worker, runGit: recorded });
  let shipped: { url: string; server: Server };
  let invalid: { url: string; server: Server };
  let admitted: { url: string; server: Server };
  beforeAll(async () => {
    writeFileSync(join(broken, 'roles.yaml'), 'roles: [\n');
    shipped = await serve(privacyWorkbenchRoutes({ verifyCaller, workbench }));
    invalid = await serve(privacyWorkbenchRoutes({ verifyCaller, policyFolder: broken }));
    admitted = await serve(privacyWorkbenchRoutes({ workbench }), CALLERS['Bearer privacy']);
  });
  afterAll(() => {
    shipped.server.close();
    invalid.server.close();
    admitted.server.close();
    rmSync(broken, { recursive: true, force: true });
  });

  it('serve the page to anyone with a strict content security policy, and the policy table to a privacy officer', async () => {
    const page = await fetch(`${shipped.url}/privacy/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('privacy officer');
    const response = await fetch(`${shipped.url}/privacy/policy.json`, { headers: PRIVACY });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const table = (await response.json()) as {
      departments: Array<{ department: string; fields: Array<{ field: string; at: string }> }>;
      warnings: unknown[];
    };
    const tax = table.departments.find((entry) => entry.department === 'tax')!;
    expect(tax.fields.find((field) => field.field === 'Person.incomeTax')?.at).toMatch(/^tax\.yaml:\d+$/);
    expect(table.warnings).toEqual([]);
  });

  it('refuse the data to anyone but a privacy officer (401 without a token, 403 for others) before any git runs', async () => {
    const before = recorded.calls.length;
    const counted = workbench.counts();
    for (const path of ['/privacy/policy.json', '/privacy/versions.json', '/privacy/diff.json?ref=HEAD']) {
      const anonymous = await fetch(`${shipped.url}${path}`);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await anonymous.json()).toMatchObject({
        error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Sign in') },
      });
      const forged = await fetch(`${shipped.url}${path}`, { headers: { authorization: 'Bearer forged' } });
      expect(forged.status, path).toBe(401);
      expect(await forged.json()).toMatchObject({
        error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('signature') },
      });
      for (const who of ['Bearer tax', 'Bearer citizen']) {
        const refused = await fetch(`${shipped.url}${path}`, { headers: { authorization: who } });
        expect(refused.status, `${who} ${path}`).toBe(403);
        expect(await refused.json()).toMatchObject({
          error: { code: 'FORBIDDEN', message: expect.stringContaining('privacy-officer') },
        });
      }
    }
    // A missing ref is the officer's mistake; a stranger hears only that they are not signed in.
    expect((await fetch(`${shipped.url}/privacy/diff.json`)).status).toBe(401);
    expect(recorded.calls.length).toBe(before);
    expect(workbench.counts()).toEqual(counted);
  });

  it('take the caller the gateway verified before the route, without a verifier of their own', async () => {
    const response = await fetch(`${admitted.url}/privacy/versions.json`);
    expect(response.status).toBe(200);
    const { versions } = (await response.json()) as { versions: Array<{ sha: string }> };
    expect(versions.length).toBeGreaterThan(1);
    // Without a verifier and without a caller in `info`, nobody gets in.
    const closed = await serve(privacyWorkbenchRoutes({ workbench }));
    try {
      expect((await fetch(`${closed.url}/privacy/versions.json`, { headers: PRIVACY })).status).toBe(401);
    } finally {
      closed.server.close();
    }
  });

  it('refuse a ref that is not plain with 400 BAD_REF, an unknown one with 404, a missing one with 400', async () => {
    for (const [ref, status, code] of [
      ['--upload-pack=x', 400, 'BAD_REF'],
      ['HEAD:privacy', 400, 'BAD_REF'],
      ['no-such-ref-anywhere', 404, 'UNKNOWN_REF'],
    ] as const) {
      const response = await fetch(`${shipped.url}/privacy/diff.json?ref=${encodeURIComponent(ref)}`, {
        headers: PRIVACY,
      });
      expect(response.status, ref).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
    }
    const missing = await fetch(`${shipped.url}/privacy/diff.json`, { headers: PRIVACY });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'MISSING_REF' } });
    const same = (await (await fetch(`${shipped.url}/privacy/diff.json?ref=HEAD`, { headers: PRIVACY })).json()) as {
      sha: string;
    };
    expect(same.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answer a policy folder that fails the check with 409 POLICY_INVALID, not a crash', async () => {
    const response = await fetch(`${invalid.url}/privacy/policy.json`, { headers: PRIVACY });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'POLICY_INVALID', message: expect.stringContaining('roles.yaml:') },
    });
  });
});

describe('the policy workbench', () => {
  it('compares with a committed version exactly as policy:explain --diff does', async () => {
    const workbench = createPolicyWorkbench({ departments, worker });
    const answer = await workbench.diff(BEFORE_SHARED_RULES);
    const committed = readCommittedPolicy(BEFORE_SHARED_RULES, { departments });
    if (!committed.ok) throw new Error(committed.message);
    const now = checkPolicies({ departments });
    const expected = diffExplanations(
      explainPolicy({ registry: committed.check.registry!, departments: committed.check.policies }),
      explainPolicy({ registry: now.registry!, departments: now.policies }),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(answer).toEqual({ ok: true, value: { ref: BEFORE_SHARED_RULES, sha: committed.sha, changes: expected } });
  });

  it('computes a table, a version list and a diff once, then answers from its cache', async () => {
    const recorded = recordingGit();
    const workbench = createPolicyWorkbench({ departments, worker, runGit: recorded });
    const [table, versions, diff] = await Promise.all([
      workbench.table(),
      workbench.versions(),
      workbench.diff('HEAD~1'),
    ]);
    expect([table.ok, versions.ok, diff.ok]).toEqual([true, true, true]);
    const calls = recorded.calls.length;
    expect(await workbench.table()).toEqual(table);
    expect(await workbench.versions()).toEqual(versions);
    expect(await workbench.diff('HEAD~1')).toEqual(diff);
    expect(workbench.counts()).toMatchObject({ tables: 1, versionLists: 1, diffs: 1, cacheHits: 3 });
    // Again: only which commits HEAD and HEAD~1 are now; no log, no file read from git.
    expect(recorded.calls.slice(calls).map((args) => args[0])).toEqual(['rev-parse', 'rev-parse']);
  });

  it('computes one diff for twenty identical questions asked at once', async () => {
    const workbench = createPolicyWorkbench({ departments, worker });
    const answers = await Promise.all(Array.from({ length: 20 }, () => workbench.diff('HEAD~2')));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(workbench.counts().diffs).toBe(1);
  });

  it('compiles a committed policy once for every commit that holds it', async () => {
    const recorded = recordingGit();
    const workbench = createPolicyWorkbench({ departments, worker, runGit: recorded });
    // HEAD and the last commit that changed privacy/ or a schema hold the same policy.
    const [changed] = execFileSync('git', ['log', '-n', '1', '--format=%H', '--', 'privacy/', ...schemaFiles], {
      cwd: REPOSITORY_ROOT,
      encoding: 'utf8',
    }).split('\n');
    const sameListing = (ref: string) =>
      execFileSync('git', ['ls-tree', '-r', ref, '--', 'privacy/', ...schemaFiles], {
        cwd: REPOSITORY_ROOT,
        encoding: 'utf8',
      });
    expect(sameListing('HEAD')).toBe(sameListing(changed!));
    const [now, then] = [await workbench.diff('HEAD'), await workbench.diff(changed!)];
    expect(now.ok && then.ok && now.value.changes).toEqual(then.ok && then.value.changes);
    expect(workbench.counts().diffs).toBe(1);
    expect(recorded.calls.filter((args) => args[0] === 'cat-file')).toHaveLength(1);
  });

  it('refuses a diff beyond its bound with WORKBENCH_BUSY, and answers the others', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // Reading the committed files waits at the gate, so the first diff holds its turn.
    const held: GitRunner = async (args, options) => {
      if (args[0] === 'cat-file') await gate;
      return git(args, options);
    };
    const workbench = createPolicyWorkbench({
      departments,
      worker,
      runGit: held,
      maxDiffsAtOnce: 1,
      maxDiffsWaiting: 1,
    });
    const first = workbench.diff('HEAD~3');
    const second = workbench.diff('HEAD~4');
    await expect.poll(() => workbench.counts()).toMatchObject({ diffsRunning: 1, diffsWaiting: 1 });
    expect(await workbench.diff('HEAD~5')).toMatchObject({
      ok: false,
      status: 503,
      code: 'WORKBENCH_BUSY',
      retryAfterSeconds: expect.any(Number),
    });
    open();
    expect([(await first).ok, (await second).ok]).toEqual([true, true]);
    expect(workbench.counts()).toMatchObject({ diffsRunning: 0, diffsWaiting: 0 });
  });

  it('answers a git that runs too long with WORKBENCH_UNAVAILABLE, never a throw', async () => {
    const stuck: GitRunner = () => Promise.reject(new GitFailure('timeout', 'git rev-parse took longer than 5000 ms'));
    const workbench = createPolicyWorkbench({ departments, worker, runGit: stuck });
    for (const answer of [await workbench.versions(), await workbench.diff('HEAD')])
      expect(answer).toMatchObject({
        ok: false,
        status: 503,
        code: 'WORKBENCH_UNAVAILABLE',
        message: expect.stringContaining('took longer than'),
      });
  });

  it('tells an unknown ref from a folder without history', async () => {
    expect(await createPolicyWorkbench({ departments, worker }).diff('no-such-ref-anywhere')).toMatchObject({
      status: 404,
      code: 'UNKNOWN_REF',
    });
    const notARepository: GitRunner = () => Promise.reject(new GitFailure('failed', 'git rev-parse failed'));
    const workbench = createPolicyWorkbench({ departments, worker, runGit: notARepository });
    expect(await workbench.diff('main')).toMatchObject({ status: 404, code: 'NO_HISTORY' });
    expect(await workbench.versions()).toEqual({ ok: true, value: [] });
  });

  it('reads the committed policy files and schemas byte for byte, in two git calls', async () => {
    const recorded = recordingGit();
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }).trim();
    const files = await readCommittedFiles(recorded, await listCommittedFiles(recorded, sha, schemaFiles));
    expect(recorded.calls.map((args) => args[0])).toEqual(['ls-tree', 'cat-file']);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['privacy/roles.yaml', 'privacy/tax.yaml', ...schemaFiles]),
    );
    for (const file of ['privacy/roles.yaml', 'subgraphs/market/schema.graphql'])
      expect(files[file]).toBe(
        execFileSync('git', ['show', `${sha}:${file}`], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }),
      );
  });

  it('ends a git call that runs too long, and one that says too much', async () => {
    const slow = createGitRunner({ cwd: REPOSITORY_ROOT, timeoutMs: 1 });
    await expect(slow(['log', '--all', '-p'])).rejects.toMatchObject({ name: 'GitFailure', reason: 'timeout' });
    const terse = createGitRunner({ cwd: REPOSITORY_ROOT, maxOutputBytes: 100 });
    await expect(terse(['log', '-n', '20'])).rejects.toMatchObject({ name: 'GitFailure', reason: 'too-large' });
    await expect(git(['rev-parse', '--verify', '--quiet', 'no-such-ref-anywhere'])).rejects.toMatchObject({
      reason: 'failed',
    });
  });
});
