import { settingTypes, type Setting } from './Setting.js';

/**
 * The credentials a department's legacy system issued to its subgraph, read by both (the
 * stand-in accepts them, the subgraph sends them). Their development values make `npm start`
 * work out of the box; production refuses them.
 */
const LEGACY_SECRETS: Readonly<Record<string, readonly Setting[]>> = {
  tax: [
    {
      name: 'TAX_LEGACY_API_KEY',
      documentedAs: 'TAX_LEGACY_API_KEY',
      schema: settingTypes.text,
      defaultText: 'dev-tax-api-key',
      requiredInProduction: true,
      developmentValue: 'dev-tax-api-key',
      secret: true,
    },
  ],
  social: [
    {
      name: 'SOCIAL_LEGACY_USERNAME',
      documentedAs: 'SOCIAL_LEGACY_USERNAME',
      schema: settingTypes.text,
      defaultText: 'portal-gateway',
    },
    {
      name: 'SOCIAL_LEGACY_PASSWORD',
      documentedAs: 'SOCIAL_LEGACY_PASSWORD',
      schema: settingTypes.text,
      defaultText: 'dev-social-secret',
      requiredInProduction: true,
      developmentValue: 'dev-social-secret',
      secret: true,
    },
  ],
};

/** The legacy credentials of one department (none for most). */
export function legacySecretSettings(department: string): readonly Setting[] {
  return LEGACY_SECRETS[department] ?? [];
}
