// What `onDemand()` loads: everything the host may need of the core after activation.
export * from '../core';
export { answerQuery } from './scan/documentQueries';
