/**
 * README's settings table ("Ports and settings"), row by row: which variables share a row and what the
 * row says about them. Each variable's name and default are printed from its process kind's schema
 * (`defaultText`); a row gives its own `names` or `defaults` only where one phrase speaks for several
 * variables. `npm run settings:table` writes the table into README.md; test/settings-documented.test.ts
 * fails when README and this list drift apart, or when a schema's variable has no row.
 */
export interface SettingsTableRow {
  /** The variables of the row, as README names them (`<DEPARTMENT>_LEGACY_URL` for every department's). */
  variables: readonly string[];
  /** Who reads them and what they do (Markdown). */
  readBy: string;
  /** The first cell, when it says more than the names (an example, an alternative). */
  names?: string;
  /** The second cell, when one phrase gives the defaults of several variables. */
  defaults?: string;
}

export const SETTINGS_TABLE_ROWS: readonly SettingsTableRow[] = [
  {
    variables: ['NODE_ENV'],
    readBy:
      'every process: `production` checks that nothing runs on a development value (below: *required in production*, *refused in production*; [production](docs/production.md))',
  },
  {
    variables: ['GATEWAY_PORT', 'GATEWAY_HOST'],
    readBy: 'gateway',
  },
  {
    variables: ['<DEPARTMENT>_SUBGRAPH_URL'],
    names: '`<DEPARTMENT>_SUBGRAPH_URL` (e.g. `TAX_SUBGRAPH_URL`)',
    readBy: 'gateway',
  },
  {
    variables: ['SUPERGRAPH_FILE'],
    readBy: 'gateway',
  },
  {
    variables: ['GATEWAY_COMPOSE'],
    readBy: 'gateway: `1` composes from the running subgraphs instead of the committed supergraph (development)',
  },
  {
    variables: [
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_DIRECTIVES',
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_MAX_COST',
      'GRAPHQL_MAX_SELECTIONS',
    ],
    readBy:
      "gateway: what it refuses before asking any department (see [Limits](#limits)); the portal's operations stay far below (depth 5, no aliases or directives, under 100 tokens, cost at most 1,144: the company profile, its year of tax returns counted at their most, 200; at most 35 selections)",
  },
  {
    variables: ['TRUSTED_DOCUMENTS_FILE', 'PORTAL_APPLICATIONS'],
    defaults: 'unset (no manifest: every caller may send ad-hoc queries)',
    readBy:
      "gateway: the trusted documents' manifest (`examples/generated/client/persisted-documents.json`) and the `azp` values (comma-separated) of the portal applications that may send only those ([Trusted documents](#trusted-documents))",
  },
  {
    variables: ['GATEWAY_MAX_ERRORS', 'GATEWAY_MAX_RESPONSE_BYTES'],
    readBy: 'gateway: errors listed in one answer, and the largest answer it sends ([Limits](#limits))',
  },
  {
    variables: ['GATEWAY_REQUEST_DEADLINE_MS'],
    readBy:
      'gateway: how long one request waits for the departments in all; a department still asked then is `DEPARTMENT_UNAVAILABLE` (`reason: timeout`), the rest is answered ([Limits](#limits))',
  },
  {
    variables: ['GATEWAY_RATE_LIMIT_COST', 'GATEWAY_RATE_LIMIT_WINDOW_S', 'GATEWAY_MAX_IN_FLIGHT'],
    readBy: 'gateway: per caller, cost units per window and requests in flight ([Limits](#limits))',
  },
  {
    variables: ['TRUSTED_PROXIES'],
    readBy:
      'gateway: the load balancers in front of it, comma-separated addresses or CIDR ranges (e.g. `10.0.0.10`, `10.0.0.0/24`, `loopback`); from one of them the client is the last address in `X-Forwarded-For` that is not a trusted proxy ([Limits](#limits))',
  },
  {
    variables: ['OPERATOR_ADDRESSES'],
    readBy:
      'gateway: client addresses or CIDR ranges that may read `/ready` and `/metrics`; any other gets 404 ([Limits](#limits))',
  },
  {
    variables: ['REDIS_URL', 'GATEWAY_RATE_LIMIT_PREFIX'],
    readBy:
      'gateway: where the per-caller counters live, so that all replicas share them, e.g. `redis://127.0.0.1:6379`; the prefix of their keys',
  },
  {
    variables: ['GATEWAY_CREATE_BUDGET_PER_DAY', 'GATEWAY_CREATE_BUDGETS'],
    readBy:
      'gateway: how many times a day one caller may run a mutation that creates something (the three certificate issuances) about one subject; per-mutation overrides as `<mutation>=<per day>` by commas, e.g. `issueTaxClearance=5,issueContributionCertificate=20` ([Certificates](#certificates))',
  },
  {
    variables: ['AUTH_MAX_TOKEN_LIFETIME_S', 'AUTH_MAX_OFFICER_TOKEN_LIFETIME_S', 'AUTH_CLOCK_SKEW_S'],
    readBy:
      "gateway and privacy workbench: the longest a person's or company's token, and an officer's, may live (`exp - iat`); the clock difference tolerated for `exp`, `nbf` and `iat`",
  },
  {
    variables: ['GRAPHQL_INTROSPECTION'],
    readBy:
      'gateway: `off` turns off introspection, the explorer at `/` and `/schema.graphql` (both answer 404), and the "Did you mean …?" hints in error messages, which would otherwise reveal the schema name by name',
  },
  {
    variables: ['<DEPARTMENT>_SUBGRAPH_PORT', 'SUBGRAPH_HOST'],
    readBy: 'subgraphs',
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_URL'],
    readBy: 'subgraphs',
  },
  {
    variables: ['LEGACY_TIMEOUT_MS'],
    readBy: 'subgraphs: the timeout of one attempt at every legacy call',
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_TIMEOUT_MS'],
    readBy: "subgraphs: that department's timeout of one attempt at a legacy call (the request is aborted)",
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_BUDGET_MS'],
    readBy:
      'subgraphs: the most one legacy call may take, waiting, retries and backoff included; a retry starts only while what is left can hold a whole attempt',
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_RETRIES'],
    readBy:
      'subgraphs: retries of a read that failed for a transient reason, after 50 ms growing to at most 500 ms, with jitter',
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_MAX_CONCURRENT'],
    readBy: 'subgraphs: calls in flight to that legacy system; 64 more may wait, any beyond fail as `overloaded`',
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_BREAKER_RESET_MS'],
    readBy:
      'subgraphs: how long a circuit opened by 5 consecutive failed calls refuses calls before letting one test call through',
  },
  {
    variables: ['<DEPARTMENT>_LEGACY_PORT', 'LEGACY_HOST'],
    readBy: 'legacy systems',
  },
  {
    variables: ['TAX_LEGACY_API_KEY'],
    readBy: 'tax system and tax subgraph; required in production, the development value refused in production',
  },
  {
    variables: ['SOCIAL_LEGACY_USERNAME', 'SOCIAL_LEGACY_PASSWORD'],
    readBy:
      'social system and social subgraph (WS-Security); the password required in production, its development value refused in production',
  },
  {
    variables: ['DATA_SEED'],
    readBy: "legacy systems: the data set's seed",
  },
  {
    variables: ['LEGACY_DATA_DIR'],
    readBy:
      'legacy systems: where each keeps the writes it accepted, `<department>-<seed>.jsonl` beside the data set (read back at start)',
  },
  {
    variables: ['AUTH_JWKS_URL', 'AUTH_JWKS_FILE', 'AUTH_ISSUER', 'AUTH_AUDIENCE'],
    names: '`AUTH_JWKS_URL` or `AUTH_JWKS_FILE`, `AUTH_ISSUER`, `AUTH_AUDIENCE`',
    defaults: 'development key in `data/keys/`, `city-graph-dev-issuer`, `city-graph`',
    readBy:
      "gateway and privacy workbench (both verify callers' tokens with `core/identity/verifyBearerToken.ts`): whose tokens they accept; one of the first two and `AUTH_ISSUER` are required in production, the development issuer refused in production. The applications engine and the platform subgraph read `AUTH_AUDIENCE` for the tokens the applications service signs",
  },
  {
    variables: ['GATEWAY_PRIVATE_KEY_FILE'],
    readBy:
      'gateway: the private JWK (with a `kid`) it signs caller tokens with, read again when the file changes; required in production, a key under `data/keys/` refused',
  },
  {
    variables: ['GATEWAY_JWKS_FILE'],
    readBy:
      "gateway (checks its key is published before using it; serves the set at `/internal/jwks.json`) and subgraphs (trust these keys, picked by `kid`): the gateway's published public keys; required in production for the gateway ([rotation](docs/production.md))",
  },
  {
    variables: ['GATEWAY_JWKS_URL'],
    readBy:
      'subgraphs: the same set over HTTP, e.g. `http://gateway:4000/internal/jwks.json`, fetched again for an unknown `kid`; subgraphs need it or `GATEWAY_JWKS_FILE` (required in production)',
  },
  {
    variables: ['GATEWAY_PUBLIC_KEY_FILE'],
    readBy: 'subgraphs, development only: one gateway public key, no rotation',
  },
  {
    variables: ['PRIVACY_DIR'],
    readBy: 'subgraphs, gateway, privacy workbench and `policy:check`: where the policy files are',
  },
  {
    variables: ['WORKBENCH_PORT', 'WORKBENCH_HOST'],
    readBy: 'privacy workbench (`npm run workbench`)',
  },
  {
    variables: ['WORKBENCH_GATEWAY_URL'],
    readBy:
      "privacy workbench: the gateway its page's access log search is passed to (`/graphql` on the workbench's own origin)",
  },
  {
    variables: ['WORKBENCH_RATE_LIMIT_COST', 'WORKBENCH_RATE_LIMIT_WINDOW_S'],
    readBy:
      'privacy workbench: per caller (an officer by `sub`, anyone else by address), cost units per window, counted in its memory (a page 1, the policy table or versions 100, a diff 1,000, a page of the access log search 10); over them `RATE_LIMITED` (429, `Retry-After`) before any work',
  },
  {
    variables: ['APPLICATIONS_PORT', 'APPLICATIONS_HOST'],
    readBy:
      'applications engine (`npm run applications`): `/health` and `/ready` ([applications](docs/applications.md))',
  },
  {
    variables: ['APPLICATIONS_DATABASE_URL'],
    readBy:
      'applications engine and platform subgraph (its applications fields): the PostgreSQL the workflows (DBOS) and applications live in, shared by every replica (required in production); the embedded one is started and stopped by the engine, as the `postgres` user when run as root',
  },
  {
    variables: ['APPLICATIONS_EMBEDDED_POSTGRES_PORT'],
    readBy:
      'applications engine and platform subgraph, development only: where the embedded PostgreSQL listens (127.0.0.1)',
  },
  {
    variables: ['APPLICATIONS_SCHEMA'],
    readBy:
      "applications engine and platform subgraph: the applications' tables' schema; DBOS's own are in `<schema>_engine`",
  },
  {
    variables: ['APPLICATIONS_EXECUTOR_ID'],
    readBy:
      "applications engine: this replica's name, stable across its restarts and unique among live replicas (a StatefulSet pod's name): it recovers its own pending workflows at start",
  },
  {
    variables: ['APPLICATIONS_CONCURRENCY'],
    readBy: 'applications engine: how many applications one replica carries at once',
  },
  {
    variables: ['APPLICATIONS_KEEP_ANSWERS_DAYS'],
    readBy:
      "applications engine: days an ended application keeps what the applicant typed and what was pre-filled; after them every replica's hourly job forgets its answers and deletes DBOS's records of its workflows",
  },
  {
    variables: ['APPLICATIONS_GATEWAY_URL'],
    readBy:
      "applications engine and platform subgraph: the gateway's `/graphql` the applications service acts through (each department's step, the forms' pre-fill)",
  },
  {
    variables: ['APPLICATIONS_SIGNING_KEY_FILE'],
    readBy:
      "applications engine and platform subgraph: the applications service's private key (JWK), which signs its short-lived tokens acting for an applicant or a deciding officer (required in production)",
  },
  {
    variables: ['APPLICATIONS_PUBLIC_KEY_FILE'],
    readBy:
      "gateway: the applications service's public key (a JWK or a JWK set); its tokens run only their matter's steps (required in production)",
  },
  {
    variables: ['MATTERS_DIR'],
    readBy: 'gateway: the matters whose steps the applications service may run (`matters/*.yaml`)',
  },
  {
    variables: ['SEAL_KEYS_DIR'],
    readBy:
      "required in production; subgraphs (a department seals its certificates with its active key; the platform verifies with every department's published keys), gateway (publishes them at `/.well-known/seals/`), `seal`, `certificate:*` ([Certificates](#certificates))",
  },
  {
    variables: ['CERTIFICATE_VERIFY_URL'],
    readBy:
      "department subgraphs: the verification address printed in every certificate and its QR code (the gateway's public `/certificates/verify`)",
  },
  {
    variables: ['LOG_LEVEL'],
    readBy: 'every service: pino log level (`debug`, `info`, `warn`, `error`, `silent`)',
  },
  {
    variables: ['DATA_DIR'],
    readBy: 'where development keys and the default access log are kept',
  },
  {
    variables: ['AUDIT_DATABASE_URL'],
    readBy:
      'subgraphs and `audit:*`: `postgres://…` for PostgreSQL, or `sqlite:/path/file.db`; production needs PostgreSQL unless `AUDIT_SQLITE_SINGLE_NODE=1`',
  },
  {
    variables: ['AUDIT_SQLITE_SINGLE_NODE'],
    readBy:
      'subgraphs: `1` lets production keep the access log in SQLite (`AUDIT_DATABASE_URL=sqlite:…`), for a city that runs one node',
  },
  {
    variables: ['AUDIT_CHAIN'],
    readBy: "subgraphs: the name of this process's chain in the access log",
  },
  {
    variables: ['AUDIT_CHECKPOINT_KEY_FILE'],
    readBy:
      'platform subgraph, `audit:checkpoint`: the private key (Ed25519 JWK, its `kid` goes into each checkpoint) that signs checkpoints; required in production',
  },
  {
    variables: ['AUDIT_CHECKPOINT_PUBLIC_KEYS'],
    readBy:
      "`audit:verify --checkpoints`: the platform's published keys checkpoints may be signed with, a JWKS file (or one public JWK) or an `https://` URL; never taken from `data/` by default",
  },
  {
    variables: ['AUDIT_CHECKPOINT_MAX_AGE'],
    readBy:
      '`audit:verify --checkpoints`: how old the newest checkpoint may be (`25s`, `10m`, `2h`, `7d`); `--max-age` overrides it',
  },
  {
    variables: ['AUDIT_CHECKPOINT_EXPORT'],
    readBy: 'platform subgraph, `audit:checkpoint`: comma-separated files on this host that receive each checkpoint',
  },
  {
    variables: ['AUDIT_CHECKPOINT_EXPORT_URL', 'AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE'],
    readBy:
      "platform subgraph, `audit:checkpoint`: the store off the database's host that receives each checkpoint (HTTP POST, retried with backoff) and the file holding its bearer token; both required in production, the URL `https://` there",
  },
  {
    variables: ['AUDIT_CHECKPOINT_ALLOW_HTTP'],
    readBy:
      'platform subgraph, `audit:*`: `1` allows plain `http://` for the export and key URLs (tests, development); refused in production',
  },
  {
    variables: ['AUDIT_CHECKPOINT_INTERVAL_MS', 'AUDIT_CHECKPOINT_RECORDS'],
    readBy:
      'platform subgraph: a checkpoint this often (also while nothing is written), and sooner after this many records; `audit:verify` derives its default age limit from the interval',
  },
];
