/** The tax year the pages show: the last full one, whose returns are filed. */
export const TAX_YEAR = new Date().getUTCFullYear() - 1;
