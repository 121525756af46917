import type { Subject } from '../kit/index.js';

/**
 * What the platform's resolvers hand down: a page or a record of the access log together with
 * whose log it is, so the rules in privacy/platform.yaml see the subject at every level.
 */
export interface LogPageView {
  subject: Subject;
  records: readonly AccessRecordView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface AccessRecordView {
  subject: Subject;
  at: string;
  department: string;
  caller: { kind: string; sub: string | null; roles: readonly string[]; azp: string | null };
  purpose: string | null;
  fields: ReadonlyArray<{ field: string; decision: 'allowed' | 'masked' | 'denied' }>;
  requestId: string;
  policy: string | null;
}

export interface FieldAccessView {
  subject: Subject;
  field: string;
  decision: 'allowed' | 'masked' | 'denied';
}

export interface AccessorView {
  subject: Subject;
  caller: AccessRecordView['caller'];
}
