import { createHash } from "node:crypto";
import type { LogLevel } from "./settings";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogRecord = Record<string, string | number | boolean | undefined>;
export type LogSink = (line: string) => void;

export type Log = (level: LogLevel, record: LogRecord) => void;

/** One JSON object per line, at or above the configured level. */
export function logger(threshold: LogLevel, sink: LogSink): Log {
  return (level: LogLevel, record: LogRecord): void => {
    if (RANK[level] >= RANK[threshold]) sink(JSON.stringify({ level, ...record }));
  };
}

/** A stable, non-reversible reference to a subject, to correlate requests without logging identities. */
export function subjectRef(issuer: string, subject: string): string {
  return createHash("sha256").update(`${issuer}\n${subject}`).digest("hex").slice(0, 16);
}

/** A value safe to log as a name: a short plain identifier, or nothing. Anything else may be caller input. */
export function loggableName(value: unknown): string | undefined {
  return typeof value === "string" && /^[A-Za-z]{1,64}$/.test(value) ? value : undefined;
}
