import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The calling thread's time on a CPU so far, in milliseconds, from Linux's per-thread
 * scheduler statistics (`/proc/thread-self/schedstat`, read through one open file: a few
 * microseconds a read). A task that took long because the machine was busy shows little
 * time on the CPU; one that took long because of its own work shows all of it. The kernel
 * brings a running thread's figure up to date at least once per scheduler tick (a few ms).
 * `undefined` on systems that do not say.
 */
export class ThreadCpuClock {
  private fd: number | undefined;
  private readonly buffer = Buffer.alloc(96);

  constructor() {
    try {
      this.fd = openSync('/proc/thread-self/schedstat', 'r');
      if (this.now() === undefined) this.dispose();
    } catch {
      this.fd = undefined;
    }
  }

  now(): number | undefined {
    if (this.fd === undefined) return undefined;
    try {
      const length = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
      const onCpuNs = Number(this.buffer.toString('latin1', 0, length).split(' ')[0]);
      return Number.isFinite(onCpuNs) ? onCpuNs / 1e6 : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
