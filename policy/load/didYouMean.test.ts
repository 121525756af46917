import { describe, expect, it } from 'vitest';
import { didYouMean } from './didYouMean.js';

describe('didYouMean', () => {
  it('suggests the closest name for a typo, a swap or a case slip', () => {
    expect(didYouMean('slef', ['self', 'public'])).toBe(" Did you mean 'self'?");
    expect(didYouMean('companyself', ['companySelf', 'self'])).toBe(" Did you mean 'companySelf'?");
    expect(didYouMean('taxOficer', ['taxOfficer', 'socialOfficer'])).toBe(" Did you mean 'taxOfficer'?");
  });
  it('offers every name equally close', () => {
    expect(didYouMean('tax', ['tab', 'tar', 'public'])).toBe(" Did you mean 'tab' or 'tar'?");
  });
  it('says nothing when no name is close', () => {
    expect(didYouMean('creditRating', ['self', 'public'])).toBe('');
  });
});
