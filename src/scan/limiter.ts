/** At most `size` tasks at once; `acquire` waits for a free slot (back-pressure on the listing). */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Runs jobs one after another in the order given; the first failure is kept and ends the queue. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  failure: unknown;

  push(job: () => Promise<void>): Promise<void> {
    const run = this.tail.then(() => (this.failure === undefined ? job() : undefined));
    this.tail = run.catch((error: unknown) => {
      this.failure ??= error;
    });
    return this.tail;
  }

  async drain(): Promise<void> {
    await this.tail;
  }
}
