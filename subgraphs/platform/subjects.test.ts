import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../legacy-mocks/data/index.js';
import type { Subject } from '../kit/index.js';
import { subjects } from './subjects.js';

const { fixtures } = loadDataSet();
const PERSON: Subject = { kind: 'person', id: fixtures.multiRepresentative };
const COMPANY: Subject = { kind: 'company', id: fixtures.companyInArrears };

/** Whose data a Query field's answer is, for the arguments given. */
const queryNames = (args: Record<string, unknown>) => subjects.Query!.subjects({}, args);

describe('platform subjects', () => {
  it('names the resident or the company that accessLog(subject:) is about', () => {
    expect(queryNames({ subject: PERSON.id })).toEqual([PERSON]);
    expect(queryNames({ subject: COMPANY.id })).toEqual([COMPANY]);
  });

  it('names the subject in its canonical (upper-case) form, as the log stores it', () => {
    expect(queryNames({ subject: COMPANY.id.toLowerCase() })).toEqual([COMPANY]);
  });

  it.each([
    ['a resident ID with a bad check digit', `${PERSON.id.slice(0, 17)}${PERSON.id.endsWith('0') ? '1' : '0'}`],
    ['a USCC with a bad check character', `${COMPANY.id.slice(0, 17)}${COMPANY.id.endsWith('0') ? '1' : '0'}`],
    ['a staff id', 'staff-7'],
    ['nothing', ''],
  ])('refuses %s with BAD_USER_INPUT on subject, before any decision', (_what, subject) => {
    let thrown: unknown;
    try {
      queryNames({ subject });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'subject' });
  });

  it('names no one for a Query field without a subject (verifyCertificate is public)', () => {
    expect(queryNames({ document: '{}', seal: 'x' })).toEqual([]);
  });

  it('names the person or company whose log an entity holds', () => {
    expect(subjects.Person!.subjects({ id: PERSON.id }, {})).toEqual([PERSON]);
    expect(subjects.Company!.subjects({ uscc: COMPANY.id }, {})).toEqual([COMPANY]);
  });

  it('names, at every level below the page, the subject the log is about, not the caller in it', () => {
    const caller = { kind: 'officer', sub: 'staff-7', roles: ['tax-officer'], azp: null };
    const record = { subject: PERSON, caller, fields: [{ field: 'Person.name', decision: 'allowed' }] };
    expect(subjects.DataAccessPage!.subjects({ subject: PERSON, records: [record] }, {})).toEqual([PERSON]);
    expect(subjects.DataAccess!.subjects(record, {})).toEqual([PERSON]);
    expect(subjects.Accessor!.subjects({ subject: PERSON, caller }, {})).toEqual([PERSON]);
    expect(subjects.FieldAccess!.subjects({ subject: PERSON, field: 'Person.name', decision: 'allowed' }, {})).toEqual([
      PERSON,
    ]);
  });

  it('says in words whose data each type holds, for policy:explain', () => {
    for (const [type, entry] of Object.entries(subjects)) expect(entry.about, type).toMatch(/\w/);
  });
});
