// Runs inside the process BundleChild starts: loads the bundle (init), says so, then answers each
// event message with the handler's result, or its error as Lambda reports one (errorType, errorMessage).
"use strict";
const { handler } = require(process.argv[2]);
process.on("message", async (event) => {
  try {
    process.send({ result: await handler(event) });
  } catch (error) {
    process.send({ errorType: error?.name ?? "Error", errorMessage: String(error?.message ?? error) });
  }
});
process.send("loaded");
