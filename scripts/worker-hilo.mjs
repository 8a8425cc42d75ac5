// Entry of the worker thread: Node 20 does not carry `--import tsx` into a worker's entry, so the
// thread registers tsx itself and then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker-hilo.ts");
