// Runs inside the process BundleChild starts: loads the bundle (init), says so, then answers each
// event message with the handler's result.
"use strict";
const { handler } = require(process.argv[2]);
process.on("message", async (event) => process.send(await handler(event)));
process.send("loaded");
