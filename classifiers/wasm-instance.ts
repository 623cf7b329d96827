import { readFileSync } from 'node:fs';

/** The part of the WebAssembly API used here (this project's type libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** Compiled modules by file: compiling is the costly part, an instance (its own memory) is cheap. */
const compiled = new Map<string, object>();

/**
 * A new instance of a WebAssembly file of this project (compiled once per process), whose `abort` throws. Its
 * exports, typed by the caller.
 */
export function instantiateWasm<Exports>(file: URL): Exports {
  let module = compiled.get(file.href);
  if (!module) compiled.set(file.href, (module = new Module(readFileSync(file))));
  const name = file.pathname.slice(file.pathname.lastIndexOf('/') + 1);
  const abort = () => {
    throw new Error(`${name} aborted`);
  };
  return new Instance(module, { env: { abort } }).exports as Exports;
}
