import { SmokeSetupError, targetOf } from "../smoke/target";

const ENDPOINT = "https://healthlake.eu-west-2.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const credentials = (id: string) => ({ value: { client_id: id, client_secret: `${id}-secret` }, sensitive: true });
const base = (grants: string[]) => ({
  datastore_endpoint: { value: ENDPOINT },
  smart_configuration: { value: { grant_types_supported: grants } },
  token_validator_function_name: { value: "validator" },
});

describe("the smoke test's target, from the stack's outputs", () => {
  test.each([
    ["the gist's single machine client", { ...base(["client_credentials"]), cognito_client_credentials: credentials("only") }, "only"],
    [
      "people first: the machine is the second client",
      {
        ...base(["authorization_code", "client_credentials"]),
        cognito_client_credentials: credentials("people"),
        cognito_machine_client_credentials: credentials("machine"),
      },
      "machine",
    ],
    [
      "machines first: the first client, beside the people's",
      {
        ...base(["client_credentials", "authorization_code"]),
        cognito_client_credentials: credentials("machine"),
        cognito_people_client_credentials: credentials("people"),
      },
      "machine",
    ],
    ["people only: no machine client", { ...base(["authorization_code"]), cognito_client_credentials: credentials("people") }, undefined],
  ])("%s", (_name, outputs, id) => {
    const target = targetOf("stack", outputs, {});
    expect(target.client?.id).toBe(id);
    expect(target.region).toBe("eu-west-2");
  });

  test("an external server's client comes from SMOKE_CLIENT_ID and SMOKE_CLIENT_SECRET", () => {
    expect(targetOf("stack", base(["client_credentials"]), { SMOKE_CLIENT_ID: "okta", SMOKE_CLIENT_SECRET: "s" }).client).toEqual({ id: "okta", secret: "s" });
  });

  test("a stack without the outputs it needs is named, with what to do", () => {
    expect(() => targetOf("stack", { datastore_endpoint: { value: ENDPOINT } }, {})).toThrow(SmokeSetupError);
    expect(() => targetOf("stack", { datastore_endpoint: { value: ENDPOINT } }, {})).toThrow(/has no output smart_configuration/);
  });
});
