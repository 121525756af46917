/**
 * The bureau's result codes on its writes that are a decision about the request rather than a
 * failure (legacy-mocks/tax/README.md, "Result codes"), each in words a taxpayer can act on. The
 * resolvers check the form of every field first, so the bureau's form checks (2001, 2002, 2008,
 * 2010) stay failures of ours: DEPARTMENT_UNAVAILABLE, reason 'rejected'.
 */
export const TAX_REFUSALS: Readonly<Record<string, string>> = {
  '2009': 'this idempotency key was already used for a different request.',
  '3001': 'the tax bureau has no registration of this taxpayer that could be cancelled.',
  '3002': 'the company is already registered as a taxpayer.',
  '3003': "the bureau's risk check did not pass; please contact the tax bureau.",
  '3004': 'the taxpayer has a tax history and cannot be cancelled here; please contact the tax bureau.',
};
