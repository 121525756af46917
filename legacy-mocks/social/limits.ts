/**
 * The bureau's documented limits for the query interface. A request beyond them is refused with
 * a fault (E3005), never truncated, so a caller cannot mistake a partial answer for a whole one.
 */

/** 查询参保人员信息 (CxCbryxx): resident IDs per call. */
export const MAX_PERSONS_PER_CALL = 200;

/** 查询单位参保信息 (CxDwcbxx): USCCs per call. */
export const MAX_EMPLOYERS_PER_CALL = 100;

/** 查询个人缴费明细 (CxGrjfmx): months per call, ksqq and jzqq both counted (ten years). */
export const MAX_CONTRIBUTION_MONTHS = 120;

/** The largest request envelope accepted: 200 IDs with WS-Security take about 10 KB. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Where the service lives; its WSDL is at INSURANCE_PATH?wsdl. */
export const INSURANCE_PATH = '/insurance';
