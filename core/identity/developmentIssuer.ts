/**
 * The development identity provider: the issuer `npm run token` and the portal's development
 * sign-in sign as, and the gateway trusts until AUTH_JWKS_URL or AUTH_JWKS_FILE is given. Kept in
 * core so that the tools that mint development tokens need nothing of the gateway's code; every
 * production setting refuses it (gateway/gatewayConfig.ts).
 */
export const DEV_ISSUER = 'city-graph-dev-issuer';
/** The audience every token of this graph names, unless AUTH_AUDIENCE says otherwise. */
export const DEFAULT_AUDIENCE = 'city-graph';
/** The key pair under data/keys/ the development issuer signs with. */
export const DEV_ISSUER_KEY_NAME = 'dev-issuer';
