import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A client secret or private key that cannot leak by accident: util.inspect, JSON.stringify, String() and template
 * literals all show `[redacted]`; only `reveal()` (called where msal needs it) gives the value.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
