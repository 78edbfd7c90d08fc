import type { z } from "zod";
import type * as schema from "./schema";

// The configuration's types, inferred from its schema (./schema.ts), where each field is documented,
// and read-only all the way down: an environment is a value, never changed once written.

type DeepReadonly<T> = T extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Input<S extends z.ZodType> = DeepReadonly<z.input<S>>;

/** One environment: everything one stack deploys. */
export type HealthLakeSmartConfig = Input<typeof schema.HealthLakeSmartSchema>;
export type RemoteStateConfig = Input<typeof schema.RemoteStateSchema>;
export type DatastoreConfig = Input<typeof schema.DatastoreSchema>;
export type OAuthFlow = Input<typeof schema.OAuthFlowSchema>;
export type SmartConfig = Input<typeof schema.SmartSchema>;
export type SmartFrontConfig = Input<typeof schema.SmartFrontSchema>;
export type TokenValidation = Input<typeof schema.TokenValidationSchema>;
export type ExternalAuthorizationServerConfig = Input<typeof schema.ExternalAuthorizationServerSchema>;
export type IdentityClaimsConfig = Input<typeof schema.IdentityClaimsSchema>;
export type UserPoolTier = Input<typeof schema.UserPoolTierSchema>;
export type TokenValidityUnit = Input<typeof schema.TokenValidityUnitSchema>;
export type TokenValidity = Input<typeof schema.TokenValiditySchema>;
export type TokenValidityUnits = Input<typeof schema.TokenValidityUnitsSchema>;
export type SingleTestUser = Input<typeof schema.SingleTestUserSchema>;
export type CognitoTestUser = Input<typeof schema.CognitoTestUserSchema>;
export type CognitoConfig = Input<typeof schema.CognitoSchema>;
export type SmsConfig = Input<typeof schema.SmsSchema>;
export type InvokeCondition = Input<typeof schema.InvokeConditionSchema>;
export type ValidatorConfig = Input<typeof schema.ValidatorSchema>;
export type ImportExportConfig = Input<typeof schema.ImportExportSchema>;
