// Preloaded (`node -r`) into the smoke test's process: CloudWatch Logs answers FilterLogEvents from the
// JSON file TEST_LOG_EVENTS (what a HealthLake stand-in wrote), filtered by the request's time window,
// through aws-sdk-client-mock.
"use strict";
const fs = require("node:fs");
const { mockClient } = require("aws-sdk-client-mock");
const { CloudWatchLogsClient, FilterLogEventsCommand } = require("@aws-sdk/client-cloudwatch-logs");

mockClient(CloudWatchLogsClient)
  .on(FilterLogEventsCommand)
  .callsFake(({ startTime = 0, endTime = Number.MAX_SAFE_INTEGER }) => ({
    events: JSON.parse(fs.readFileSync(process.env.TEST_LOG_EVENTS, "utf8")).filter((event) => event.timestamp >= startTime && event.timestamp <= endTime),
  }));
