// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimBenefit, startABusiness } from '../testing/applicationFixtures.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { servicesPage } from './servicesPage.js';

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const listed = ({
  name,
  title,
  description,
  applicants,
  promisedDays,
  prefillPurpose,
}: ReturnType<typeof startABusiness>) => ({
  name,
  title,
  description,
  applicants,
  promisedDays,
  prefillPurpose,
});

describe('the services catalogue', () => {
  it('lists each service with who may apply, how soon the city answers and whether it pre-fills, linked to its form', async () => {
    stubPortalServer({
      graph: { Matters: () => ({ data: { matters: [listed(startABusiness()), listed(claimBenefit())] } }) },
    });
    const page = frame.show(await servicesPage(null));
    const entries = [...page.querySelectorAll<HTMLElement>('[data-matter]')];
    expect(entries.map((entry) => entry.dataset.matter)).toEqual(['start-a-business', 'claim-benefit']);
    expect(entries[0]!.querySelector('h2 a')?.getAttribute('href')).toBe('#/services/start-a-business');
    expect(entries[0]!.textContent).toContain('For residents · an answer within 5 days');
    expect(entries[0]!.textContent).not.toContain('filled in for you');
    expect(entries[1]!.textContent).toContain('some values are filled in for you');
  });

  it('says the services could not be listed when the graph does not answer', async () => {
    stubPortalServer({
      graph: {
        Matters: () => ({ data: null, errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } }] }),
      },
    });
    expect(frame.show(await servicesPage(null)).textContent).toContain('The services could not be listed.');
  });
});
