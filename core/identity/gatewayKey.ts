/** The name of the gateway's development signing key under data/keys (gateway.private/public.jwk.json). */
export const GATEWAY_KEY_NAME = 'gateway';
