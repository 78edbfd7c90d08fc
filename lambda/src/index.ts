export const handler = async (): Promise<{ authPayload: { isAuthorized: false } }> => ({ authPayload: { isAuthorized: false } });
