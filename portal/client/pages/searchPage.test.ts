// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchCompaniesQuery } from '../../../examples/generated/client/graphql.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { searchPage } from './searchPage.js';

type Found = SearchCompaniesQuery['searchCompanies'][number];

function company(n: number, overrides: Partial<Found> = {}): Found {
  return {
    uscc: `91310000TESTCO00${n}X`,
    name: `Test ${n} Technology Co., Ltd.`,
    status: 'ACTIVE',
    legalForm: 'Limited liability company',
    legalRepresentativeName: `Representative ${n}`,
    ...overrides,
  };
}

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const searchBox = () => document.getElementById('search-input') as HTMLInputElement;

describe('search page', () => {
  it('lists the companies found, each linked to its profile, and shows the text in the search box', async () => {
    const server = stubPortalServer({
      graph: {
        SearchCompanies: () => ({ data: { searchCompanies: [company(1), company(2, { status: 'REVOKED' })] } }),
      },
    });
    const page = frame.show(await searchPage('科技', null));
    expect(page.querySelector('h1')?.textContent).toBe('Companies named like “科技”');
    expect(searchBox().value).toBe('科技');
    const links = [...page.querySelectorAll('[data-section="results"] li a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Test 1 Technology Co., Ltd.', '#/company/91310000TESTCO001X'],
      ['Test 2 Technology Co., Ltd.', '#/company/91310000TESTCO002X'],
    ]);
    expect(page.querySelectorAll('.badge.REVOKED')).toHaveLength(1);
    expect(page.querySelector('[data-section="results"] li .muted')?.textContent).toBe(
      'Limited liability company · legal representative Representative 1',
    );
    expect(server.sent.map((sent) => sent.variables)).toEqual([{ name: '科技', first: 20 }]);
  });

  it('asks for some text, and asks the graph nothing, when the search is empty', async () => {
    const server = stubPortalServer({});
    const page = frame.show(await searchPage('   ', null));
    expect(page.textContent).toContain('Type part of a company’s name above.');
    expect(server.sent).toEqual([]);
  });

  it('tells "no company found" apart from a search that could not be made', async () => {
    stubPortalServer({ graph: { SearchCompanies: () => ({ data: { searchCompanies: [] } }) } });
    expect(frame.show(await searchPage('nothing', null)).textContent).toContain('No company found.');
    expect(frame.notices.childElementCount).toBe(0);

    stubPortalServer({
      graph: {
        SearchCompanies: () => ({
          data: null,
          errors: [
            {
              message: 'The market regulator is not answering',
              path: ['searchCompanies'],
              extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'market' },
            },
          ],
        }),
      },
    });
    expect(frame.show(await searchPage('科技', null)).textContent).toContain('The search could not be made.');
    expect(frame.notices.querySelector('[data-department-down="market"]')?.textContent).toContain(
      'The market regulator (enterprise registry) is not answering right now.',
    );
  });

  it('says the portal cannot be reached when the request fails, rather than showing nothing', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(frame.show(await searchPage('科技', null)).textContent).toContain('The search could not be made.');
    expect(frame.notices.querySelector('[data-error="NETWORK"]')?.textContent).toBe('The portal cannot be reached.');
  });

  it('sets the text searched for and the names found as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.hacked = true">';
    stubPortalServer({
      graph: { SearchCompanies: () => ({ data: { searchCompanies: [company(1, { name: hostile })] } }) },
    });
    const page = frame.show(await searchPage(hostile, null));
    expect(document.querySelector('img')).toBeNull();
    expect(page.querySelector('h1')?.textContent).toBe(`Companies named like “${hostile}”`);
    expect(page.querySelector('[data-section="results"] a')?.textContent).toBe(hostile);
  });
});
