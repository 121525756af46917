import { badUserInput, pageBoundsOf, residentIdProblem, usccProblem } from '../../kit/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { readLogPage } from '../readLogPage.js';
import { verifyCertificate } from './verifyCertificate.js';

export const Query: QueryResolvers = {
  accessLog: (_root, { subject, from, to, first, after }, { loaders }, info) => {
    const id = subject.toUpperCase();
    const kind = residentIdProblem(id) === null ? 'person' : usccProblem(id) === null ? 'company' : null;
    if (!kind)
      throw badUserInput('subject', 'give a resident ID (18 characters, GB 11643-1999) or a USCC (GB 32100-2015)');
    return readLogPage(loaders.store, { kind, id }, { first, after, from, to }, pageBoundsOf(info));
  },
  verifyCertificate,
};
