/** The limits the tax system's interface document publishes. */

/** The most entries one batch query (nsrsbhList, cxtjList) may carry. */
export const TAX_MAX_BATCH = 100;

/** The largest page of the filings query. */
export const TAX_MAX_PAGE_SIZE = 100;

/** The page size when pageSize is left out. */
export const TAX_DEFAULT_PAGE_SIZE = 20;

/** The system holds tax years from the 1994 tax-sharing reform, when it went live, to 2099. */
export const TAX_FIRST_YEAR = 1994;
export const TAX_LAST_YEAR = 2099;

/**
 * The largest request body: a full batch of 100 entries is under 6 KiB, so anything near this
 * is not a query but an attempt to make the system buffer.
 */
export const TAX_MAX_BODY_BYTES = 64 * 1024;
