import type { SocialSecurityAccountRecord } from './SocialSecurityAccountRecord.js';

/** A resident as the social insurance system knows them, in the graph's words (the contract's Person). */
export interface PersonRecord {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** YYYY-MM-DD */
  birthDate: string;
  /** 11 digits starting with 1; null when the bureau has none on file. */
  phone: string | null;
  /** At most 200 characters; null when the bureau has none on file. */
  address: string | null;
  /** null when the resident has never been insured. */
  account: SocialSecurityAccountRecord | null;
}
