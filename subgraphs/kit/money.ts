/** Exact money: kit's face of the neutral core/money.ts, which the legacy stand-ins use too. */
export * from '../../core/money.js';
