/** The one account the bureau issued to the portal gateway: a WS-Security UsernameToken. */
export interface SocialCredentials {
  username: string;
  password: string;
}

/**
 * The credentials the system accepts: SOCIAL_LEGACY_USERNAME / SOCIAL_LEGACY_PASSWORD as the
 * stand-in's config read them (legacyMockConfig.ts), with development defaults so `npm start`
 * works out of the box. The subgraph's client has the same (subgraphs/social/legacy/socialClient.ts).
 */
export function socialCredentials(given: { username?: string; password?: string } = {}): SocialCredentials {
  return {
    username: given.username || 'portal-gateway',
    password: given.password || 'dev-social-secret',
  };
}
