/** The one account the bureau issued to the portal gateway: a WS-Security UsernameToken. */
export interface SocialCredentials {
  username: string;
  password: string;
}

/**
 * The credentials the system accepts: SOCIAL_LEGACY_USERNAME / SOCIAL_LEGACY_PASSWORD, with
 * development defaults so `npm start` works out of the box. The subgraph's client reads the
 * same variables (subgraphs/social/legacy/socialClient.ts).
 */
export function socialCredentialsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): SocialCredentials {
  return {
    username: environment.SOCIAL_LEGACY_USERNAME || 'portal-gateway',
    password: environment.SOCIAL_LEGACY_PASSWORD || 'dev-social-secret',
  };
}
