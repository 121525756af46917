/**
 * What the workbench's JSON routes answer (workbench/workbenchRoutes.ts; the shapes are
 * computeWorkbenchAnswer.ts's), and the access log as the graph answers the page's query.
 */
export type Effect = 'allow' | 'mask' | 'deny';

export interface PolicyTable {
  profiles: Array<{ id: string; label: string }>;
  purposes: Array<{ name: string; description: string }>;
  departments: Array<{
    department: string;
    fields: Array<{
      field: string;
      protected: boolean;
      rule: string;
      at: string;
      cells: Array<{ effect: Effect; text: string }>;
    }>;
  }>;
  warnings: Array<{ at: string; message: string }>;
}

export interface Versions {
  versions: Array<{ sha: string; date: string; subject: string }>;
}

export interface PolicyDiff {
  ref: string;
  sha: string;
  changes: Array<{
    department: string;
    field: string;
    profileLabel: string;
    before: string | null;
    after: string | null;
  }>;
}

/** One error as the workbench (`code`) or the graph (`extensions.code`) says it. */
export interface ErrorEntry {
  code?: string;
  message?: string;
  extensions?: { code?: string };
}

/** The workbench's refusal (`{ error }`), or the graph's (`{ errors }`). */
export interface Refusal {
  error?: ErrorEntry;
  errors?: ErrorEntry[];
}

export interface Access {
  at: string;
  department: string;
  purpose: string | null;
  requestId: string | null;
  policyVersion: string | null;
  accessor: {
    kind: string;
    roles: string[] | null;
    department: string | null;
    staffId: string | null;
    id: string | null;
    application: string | null;
    self: boolean | null;
  };
  fields: Array<{ field: string; decision: string }>;
}

export interface AccessLogAnswer {
  data?: { accessLog?: { accesses: Access[]; endCursor: string | null; hasNextPage: boolean } | null } | null;
  errors?: ErrorEntry[];
}
