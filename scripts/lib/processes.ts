import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export function run(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, { stdio: "inherit", ...options });
}

export function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** SIGTERM to each process still running, waiting for each to exit. */
export async function stopAll(children: ChildProcess[]): Promise<void> {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited(child);
    }
  }
}

export async function runToEnd(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return exited(run(command, args, options));
}

/** Polls until the URL answers (any status below 500) or the time runs out. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} no respondió en ${timeoutMs / 1000} s`);
}

export const nextBin = "node_modules/.bin/next";
