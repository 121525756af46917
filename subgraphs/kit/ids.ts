/** Resident IDs and USCCs: kit's face of the neutral core/ids.ts, which the legacy stand-ins use too. */
export * from '../../core/ids.js';
