/**
 * Files larger than this are not read at all: no engagement comes near it (the largest
 * example is a few KB), and it bounds the memory one file can take. Reading a file costs
 * about 15 times its size at the peak (a YAML reader's events and the line index); at this
 * limit that is about 150 MB over the process's own, measured in `test/unit/cliFaults.test.ts`.
 * A leaf of its own, so the browser build of the client can take it without `node:fs`.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
