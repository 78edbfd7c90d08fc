// Preloaded (`node -r`) into a validator bundle's process: the runtime SDK's Secrets Manager client,
// which the bundle requires at run time, answers GetSecretValue for INTROSPECTION_SECRET_ARN with
// TEST_INTROSPECTION_SECRET, through aws-sdk-client-mock. With TEST_SECRETS_MANAGER_HANGS=1 it accepts
// every read and never answers, as a Secrets Manager that hangs would.
"use strict";
const { mockClient } = require("aws-sdk-client-mock");
const { GetSecretValueCommand, SecretsManagerClient } = require("@aws-sdk/client-secrets-manager");

const reads = mockClient(SecretsManagerClient).on(GetSecretValueCommand, { SecretId: process.env.INTROSPECTION_SECRET_ARN });
if (process.env.TEST_SECRETS_MANAGER_HANGS === "1") reads.callsFake(() => new Promise(() => {}));
else reads.resolves({ SecretString: process.env.TEST_INTROSPECTION_SECRET });
