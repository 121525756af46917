/** Each department in words, for the notices and sections that say which one is not answering. */
export const DEPARTMENT_NAMES: Readonly<Record<string, string>> = {
  market: 'the market regulator (enterprise registry)',
  tax: 'the tax bureau',
  social: 'the social security bureau',
  platform: 'the city data centre (access log)',
};
