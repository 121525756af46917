import { afterAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../core/caller.js';
import { buildTestSchema, callers, TEST_REGISTRY, tempFolder, VALID_POLICY } from '../testing/policyFixtures.js';
import type { CompiledPolicy, PolicyProblem } from '../engine/index.js';
import { loadPolicy, type LoadPolicyOptions } from './loadPolicy.js';

const folder = tempFolder();
afterAll(() => folder.remove());
const schema = buildTestSchema();
let counter = 0;

function load(yaml: string, options: Partial<LoadPolicyOptions> = {}) {
  const file = folder.write(`policy-${++counter}.yaml`, yaml);
  return { file, result: loadPolicy({ file, department: 'tax', schema, registry: TEST_REGISTRY, ...options }) };
}

/** The problems of a file, as `line:column message` for readable failures. */
function problemsOf(yaml: string, options: Partial<LoadPolicyOptions> = {}): PolicyProblem[] {
  const { file, result } = load(yaml, options);
  if (result.ok) throw new Error('expected problems, the policy loaded');
  for (const problem of result.problems) expect(problem.file).toBe(file);
  return result.problems;
}

function policyOf(yaml: string): CompiledPolicy {
  const { result } = load(yaml);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return result.policy;
}

/** VALID_POLICY with one line replaced, so each test shows only what it breaks. */
function withLine(from: string, to: string): string {
  if (!VALID_POLICY.includes(from)) throw new Error(`VALID_POLICY has no '${from}'`);
  return VALID_POLICY.replace(from, to);
}

const at = (line: number, column: number, message: string | RegExp) =>
  expect.objectContaining({
    line,
    column,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });

describe('loadPolicy accepts', () => {
  it('a file that classifies every field', () => {
    const policy = policyOf(VALID_POLICY);
    expect(policy.department).toBe('tax');
  });
  it('a key field written as public, and rules used before they are declared', () => {
    const yaml = VALID_POLICY.replace('rules:\n', 'rules:\n  either: { anyOf: [self, taxOfficer] }\n').replace(
      '    legacyNote: self',
      '    legacyNote: either\n    id: public',
    );
    expect(
      policyOf(yaml).decide('Person', 'legacyNote', {
        caller: callers.resident('P1'),
        subjects: [{ kind: 'person', id: 'P1' }],
      }),
    ).toEqual({ effect: 'allow' });
  });
});

describe('the compiled policy decides', () => {
  const policy = policyOf(VALID_POLICY);
  const own = [{ kind: 'person' as const, id: 'P1' }];
  const auditor = callers.officer(['tax-officer'], 'tax-audit');

  it('allow wins over mask', () => {
    expect(policy.decide('Person', 'phone', { caller: callers.resident('P1'), subjects: own })).toEqual({
      effect: 'allow',
    });
  });
  it('mask when allow fails and the mask condition holds', () => {
    expect(policy.decide('Person', 'phone', { caller: auditor, subjects: own })).toEqual({
      effect: 'mask',
      style: 'phone',
    });
  });
  it('deny when neither holds', () => {
    expect(policy.decide('Person', 'phone', { caller: callers.officer(['tax-officer'], null), subjects: own })).toEqual(
      { effect: 'deny' },
    );
    expect(policy.decide('Company', 'arrears', { caller: ANONYMOUS, subjects: [] })).toEqual({ effect: 'deny' });
  });
  it('key, federation and introspection fields are allowed for anyone', () => {
    for (const [type, field] of [
      ['Person', 'id'],
      ['Company', 'uscc'],
      ['Query', '_entities'],
      ['Query', '_service'],
      ['_Service', 'sdl'],
      ['__Schema', 'types'],
    ] as const) {
      expect(policy.decide(type, field, { caller: ANONYMOUS, subjects: [] })).toEqual({ effect: 'allow' });
    }
  });
  it('a field the policy does not know is denied', () => {
    expect(policy.decide('Company', 'secretField', { caller: auditor, subjects: [] })).toEqual({ effect: 'deny' });
  });
  it('only public fields are unprotected', () => {
    expect(policy.isProtected('Company', 'name')).toBe(false);
    expect(policy.isProtected('Company', 'uscc')).toBe(false);
    expect(policy.isProtected('Company', 'profile')).toBe(true);
    expect(policy.isProtected('Person', 'phone')).toBe(true);
    expect(policy.isProtected('Company', 'secretField')).toBe(true);
  });
});

describe('loadPolicy reports', () => {
  it('a missing file', () => {
    const result = loadPolicy({ file: `${folder.path}/nope.yaml`, department: 'tax', schema, registry: TEST_REGISTRY });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([at(1, 1, 'The file does not exist.')]);
  });

  it('a YAML syntax error where it is', () => {
    expect(problemsOf('types:\n  Company:\n    name: [public\n')).toEqual([at(4, 1, /^YAML syntax error: /)]);
  });

  it('a field classified twice, as YAML does', () => {
    expect(problemsOf(withLine('    name: public\n', '    name: public\n    name: self\n'))).toEqual([
      at(10, 5, /^YAML syntax error: Map keys must be unique/),
    ]);
  });

  it('an unknown top-level key, with a suggestion', () => {
    expect(
      problemsOf(
        `rule: {}\n${VALID_POLICY.replace(/^rules:\n.*\n/, '').replace('taxOfficer', '{ role: tax-officer }')}`,
      ),
    ).toContainEqual(
      at(1, 1, "Unknown top-level key 'rule'. Did you mean 'rules'? A policy file has only `rules:` and `types:`."),
    );
  });

  it('an unknown type, with a suggestion', () => {
    expect(problemsOf(`${VALID_POLICY}  Compnay:\n    name: public\n`)).toEqual([
      at(19, 3, "Unknown type 'Compnay': the tax department's schema has no such type. Did you mean 'Company'?"),
    ]);
  });

  it('a type that is not an object type', () => {
    expect(problemsOf(`${VALID_POLICY}  Status:\n    ACTIVE: public\n`)).toEqual([
      at(19, 3, 'Status is an enum, not an object type: only fields of object types get rules.'),
    ]);
  });

  it('an unknown field, with a suggestion', () => {
    expect(problemsOf(withLine('    arrears:', '    arrear:'))).toEqual([
      at(8, 3, 'Company.arrears is not classified: every field needs a rule (an unclassified field is denied).'),
      at(
        11,
        5,
        "Company has no field 'arrear' in the tax department's schema. Did you mean 'arrears'? A field another department owns is classified in that department's file.",
      ),
    ]);
  });

  it("a field another department owns, naming that department's file", () => {
    const social = buildTestSchema('type Person @key(fields: "id") { id: ID! name: String }');
    expect(
      problemsOf(withLine('    legacyNote: self\n', '    legacyNote: self\n    name: self\n'), {
        otherDepartments: [{ department: 'social', schema: social }],
      }),
    ).toEqual([
      at(
        19,
        5,
        "Person.name is not a field of the tax department's schema; it belongs to social: classify it in social.yaml.",
      ),
    ]);
  });

  it('an unknown predicate or rule name, with a suggestion', () => {
    expect(problemsOf(withLine('    legacyNote: self', '    legacyNote: slef'))).toEqual([
      at(
        18,
        17,
        "Unknown rule or predicate 'slef' in Person.legacyNote. Did you mean 'self'? Built-in predicates: public, authenticated, self, companySelf; rules in this file: taxOfficer.",
      ),
    ]);
    expect(
      problemsOf(
        withLine(
          '    arrears: { anyOf: [companySelf, taxOfficer] }',
          '    arrears: { anyOf: [companySelf, taxOficer] }',
        ),
      ),
    ).toEqual([at(11, 37, /^Unknown rule or predicate 'taxOficer' in Company\.arrears\. Did you mean 'taxOfficer'\?/)]);
  });

  it('role or purpose written as a bare word', () => {
    expect(problemsOf(withLine('    legacyNote: self', '    legacyNote: role'))).toEqual([
      at(18, 17, '`role` in Person.legacyNote needs the roles it accepts: write `{ role: tax-officer }`.'),
    ]);
  });

  it('an unknown role and an unknown purpose, with suggestions', () => {
    expect(
      problemsOf(withLine('{ role: tax-officer, purpose: tax-audit }', '{ role: [tax-oficer], purpose: tax-audti }')),
    ).toEqual([
      at(
        2,
        24,
        "Unknown role 'tax-oficer' in rule 'taxOfficer'. Did you mean 'tax-officer'? The roles are declared in privacy/roles.yaml: tax-officer, social-officer.",
      ),
      at(
        2,
        46,
        "Unknown purpose 'tax-audti' in rule 'taxOfficer'. Did you mean 'tax-audit'? The purposes are declared in privacy/roles.yaml: tax-audit, benefit-claim.",
      ),
    ]);
  });

  it('a rule that refers to itself, directly or through another rule', () => {
    expect(
      problemsOf(
        VALID_POLICY.replace(
          'rules:\n',
          'rules:\n  loop: { anyOf: [self, loop] }\n  ping: { not: pong }\n  pong: { allOf: [ping] }\n',
        ),
      ),
    ).toEqual([
      at(2, 25, "Rule 'loop' refers to itself (loop → loop): a rule cannot depend on itself."),
      at(4, 19, "Rule 'ping' refers to itself (ping → pong → ping): a rule cannot depend on itself."),
    ]);
  });

  it('malformed expressions', () => {
    const problems = problemsOf(
      VALID_POLICY.replace('    legacyNote: self', '    legacyNote: { anyOf: [] }')
        .replace('    status: public', '    status: [public, self]')
        .replace('    rating: authenticated', '    rating: 42')
        .replace('    name: public', '    name: { oneOf: [public] }')
        .replace('    ranking: public', '    ranking:'),
    );
    expect(problems).toEqual([
      at(
        7,
        5,
        /^Query\.ranking has no rule: write a predicate \(public, authenticated, self, companySelf\), a rule name, or a map with anyOf, allOf, not, role, purpose/,
      ),
      at(
        9,
        13,
        "Unknown key 'oneOf' in the rule of Company.name. Did you mean 'anyOf'? A rule map takes anyOf, allOf, not, role, purpose.",
      ),
      at(10, 13, /^A bare list in Company\.status is ambiguous: write `anyOf: \[\.\.\.\]`/),
      at(14, 13, /^Expected a rule in Profile\.rating, found '42'/),
      at(18, 26, '`anyOf` in Person.legacyNote needs a list of at least one rule, e.g. `anyOf: [self, taxOfficer]`.'),
    ]);
  });

  it('an unknown mask style, with a suggestion; a mask without allow; a mask on a non-text field', () => {
    const problems = problemsOf(
      VALID_POLICY.replace('as: phone } }\n    phones', 'as: phoen } }\n    phones')
        .replace('    phones: { allow: self, mask', '    phones: { mask')
        .replace('    rating: authenticated', '    rating: { allow: self, mask: { when: taxOfficer, as: name } }'),
    );
    expect(problems).toEqual([
      at(14, 28, 'Profile.rating is of type Int, and a mask only shortens text: allow or deny it instead.'),
      at(
        16,
        57,
        "Unknown mask style 'phoen' in Person.phone. Did you mean 'phone'? Mask styles: phone, address, name, idNumber.",
      ),
      at(17, 13, 'Person.phones has `mask:` but no `allow:`: say who sees the value unmasked, e.g. `allow: self`.'),
    ]);
  });

  it('a key field that is not public', () => {
    expect(problemsOf(withLine('    legacyNote: self\n', '    legacyNote: self\n    id: self\n'))).toEqual([
      at(
        19,
        5,
        /^Person\.id is a key field and is always readable: the gateway joins entities on it; protect the paths that lead to it instead/,
      ),
    ]);
  });

  it('a federation field', () => {
    expect(problemsOf(withLine('    ranking: public\n', '    ranking: public\n    _entities: public\n'))).toEqual([
      at(8, 5, /^Query\._entities is a federation field: .* Remove this line\.$/),
    ]);
  });

  it('every field that is not classified, at its type', () => {
    expect(
      problemsOf(
        VALID_POLICY.replace('    profile: authenticated\n', '').replace(
          / {2}Profile:\n {4}rating: authenticated\n/,
          '',
        ),
      ),
    ).toEqual([
      at(3, 1, 'Profile.rating is not classified: every field needs a rule (an unclassified field is denied).'),
      at(8, 3, 'Company.profile is not classified: every field needs a rule (an unclassified field is denied).'),
    ]);
  });

  it('a non-public field whose type is non-null', () => {
    expect(problemsOf(withLine('    name: public', '    name: authenticated'))).toEqual([
      at(
        9,
        5,
        'Company.name is not public but its type String! is non-null: make it nullable (String), because denying a non-null field would null its parent.',
      ),
    ]);
  });

  it('a rule name that is not camelCase, or a built-in word', () => {
    expect(problemsOf(VALID_POLICY.replace('rules:\n', 'rules:\n  tax_officer: public\n  self: public\n'))).toEqual([
      at(
        2,
        3,
        "The rule name 'tax_officer' must be camelCase (letters and digits, starting with a lower-case letter), e.g. taxOfficer.",
      ),
      at(3, 3, "'self' is a built-in word of policy files: give the rule another name."),
    ]);
  });
});
