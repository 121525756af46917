/**
 * What a subgraph gets for an entity another department owns: the key alone. The gateway
 * joins on these keys, so they are never denied or masked (DESIGN.md, "Privacy policy").
 */
export interface PersonReference {
  id: string;
}

export interface CompanyReference {
  uscc: string;
}
