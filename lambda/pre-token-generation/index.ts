import { createHandler } from "./handler";

export const handler = createHandler(process.env);
