import { type ChildProcess, fork } from "node:child_process";
import * as path from "node:path";

/** A handler's error as Lambda reports it to the caller. */
export class HandlerError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

/**
 * A Lambda bundle in a Node process of its own, as a Lambda execution environment runs it:
 * loaded once (init), then invoked on demand, and frozen and thawed with real SIGSTOP / SIGCONT.
 */
export class BundleChild {
  /** What the bundle wrote to standard output (its log lines), until taken. */
  private output = "";

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on("data", (chunk: Buffer) => {
      this.output += chunk;
    });
  }

  /** Starts the process and resolves once the bundle is loaded (Lambda's init is over). `preload` modules load first (`node -r`). */
  static start(bundle: string, env: NodeJS.ProcessEnv, preload: readonly string[] = []): Promise<BundleChild> {
    const child = fork(path.join(__dirname, "bundle-child-main.cjs"), [bundle], {
      env,
      execArgv: preload.flatMap((module) => ["-r", module]),
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve(new BundleChild(child)));
      child.once("exit", (code) => reject(new Error(`bundle process exited (${code}) during init`)));
    });
  }

  /** The handler's result; rejects with HandlerError when the handler throws. @default T - the validator's answer */
  invoke<T = { authPayload: { isAuthorized: boolean } }>(event: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`bundle process exited (${code}) during an invocation`));
      this.child.once("exit", exited);
      this.child.once("message", (message: { result?: T; errorType?: string; errorMessage?: string }) => {
        this.child.off("exit", exited);
        if (message.errorType !== undefined) reject(new HandlerError(message.errorType, message.errorMessage ?? ""));
        else resolve(message.result as T);
      });
      this.child.send(event as object);
    });
  }

  /** The complete lines written since the last call, once at least `count` of them have arrived (or 500 ms passed). */
  async takeLines(count = 1): Promise<string[]> {
    const until = Date.now() + 500;
    while (this.output.split("\n").length - 1 < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    const end = this.output.lastIndexOf("\n") + 1;
    const lines = this.output.slice(0, end).split("\n").filter(Boolean);
    this.output = this.output.slice(end);
    return lines;
  }

  freeze(): void {
    this.child.kill("SIGSTOP");
  }

  thaw(): void {
    this.child.kill("SIGCONT");
  }

  stop(): void {
    this.child.kill("SIGKILL");
    this.child.disconnect();
  }
}
