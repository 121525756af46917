import { DEPARTMENT_OF_ROLE } from '../../../registry/departments.js';
import type { AccessorKind, AccessorResolvers } from '../generated/resolvers-types.js';

// Which department an officer works for comes from the roles each department owns in the registry
// (tax-officer → tax; a privacy officer belongs to the data centre, platform).

/** The log's caller kinds as the schema's AccessorKind; a kind the log never writes is null, not an error. */
const ACCESSOR_KINDS: Readonly<Record<string, AccessorKind>> = {
  person: 'PERSON',
  company: 'COMPANY',
  officer: 'OFFICER',
  anonymous: 'ANONYMOUS',
};

export const Accessor: AccessorResolvers = {
  kind: (accessor) => ACCESSOR_KINDS[accessor.caller.kind] ?? null,
  roles: (accessor) => (accessor.caller.kind === 'officer' ? [...accessor.caller.roles] : []),
  department: (accessor) => {
    if (accessor.caller.kind !== 'officer') return null;
    const departments = [...new Set(accessor.caller.roles.map((role) => DEPARTMENT_OF_ROLE[role]).filter(Boolean))];
    return departments.length > 0 ? departments.join(', ') : null;
  },
  application: (accessor) => accessor.caller.azp,
  staffId: (accessor) => (accessor.caller.kind === 'officer' ? accessor.caller.sub : null),
  id: (accessor) => accessor.caller.sub,
  self: (accessor) => accessor.caller.sub !== null && accessor.caller.sub.toUpperCase() === accessor.subject.id,
};
