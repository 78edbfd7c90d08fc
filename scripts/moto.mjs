// moto_server for the scripts that run terraform against it themselves: its own free loopback port, so that several
// runs go side by side, answering as `account`.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/** Starts moto on a free 127.0.0.1 port; resolves to its URL and a stop function once it answers. */
export async function startMoto(account) {
  const port = await new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = server.address();
      server.close(() => done(free));
    });
  });
  const moto = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true", MOTO_ACCOUNT_ID: account },
  });
  const stop = () => moto.kill("SIGKILL");
  for (let attempt = 0; attempt < 150; attempt++) {
    const up = await fetch(`http://127.0.0.1:${port}/moto-api/`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url: `http://127.0.0.1:${port}`, stop };
    await new Promise((done) => setTimeout(done, 200));
  }
  stop();
  throw new Error("moto_server did not start");
}
