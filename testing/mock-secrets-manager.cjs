// Preloaded (`node -r`) into a validator bundle's process: the runtime SDK's Secrets Manager client,
// which the bundle requires at run time, answers GetSecretValue for INTROSPECTION_SECRET_ARN with
// TEST_INTROSPECTION_SECRET, through aws-sdk-client-mock.
"use strict";
const { mockClient } = require("aws-sdk-client-mock");
const { GetSecretValueCommand, SecretsManagerClient } = require("@aws-sdk/client-secrets-manager");

mockClient(SecretsManagerClient)
  .on(GetSecretValueCommand, { SecretId: process.env.INTROSPECTION_SECRET_ARN })
  .resolves({ SecretString: process.env.TEST_INTROSPECTION_SECRET });
