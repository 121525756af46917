/** A benefit claim (待遇申领) as the bureau holds it, in graph terms. */
export interface BenefitClaimRecord {
  /** 申请编号, e.g. SB20261207000123. */
  claimNumber: string;
  /** The claimant's resident ID, canonical: whom the claim is about. */
  residentId: string;
  kind: 'UNEMPLOYMENT_BENEFIT' | 'PENSION_ACCOUNT_WITHDRAWAL';
  status: 'PENDING' | 'APPROVED' | 'REFUSED';
  /** YYYY-MM-DD */
  submittedOn: string;
  /** YYYY-MM-DD once decided, else null. */
  decidedOn: string | null;
  /** The officer's reason (审批意见) once decided, if given; else null. */
  decisionReason: string | null;
}
