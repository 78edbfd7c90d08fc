import { createHandler } from "./handler";

// Created at init, so the JWKS download starts before the first request arrives.
export const handler = createHandler(process.env);
