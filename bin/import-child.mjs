// The process a large import runs in (lib/db/bulk-import/isolated.ts starts it with a capped heap and
// --conditions=react-server): lib/db/bulk-import/child.ts compiled once with esbuild into
// node_modules/.cache (bin/compiled-cli.mjs; rebuilt when a source changes) and run by plain node, or
// through tsx when it cannot be compiled. Under tsx the same import measured ~45 MB more (decision 031).
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Listening before anything loads: the parent sends the request straight after starting this process,
// and compiling can take a second or two.
const request = new Promise((resolve) => process.once("message", resolve));
// The server that started this import is gone (crashed, restarted): the import ends with it, uncommitted.
process.once("disconnect", () => process.exit(70));

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = "lib/db/bulk-import/child.ts";
let child = process.env.GATEHOUSE_IMPORT_TSX === "1" ? null : await (await import("./compiled-cli.mjs")).importCompiled(root, entry, "import-child");
if (!child) {
  const { register } = await import("tsx/esm/api");
  register();
  child = await import(pathToFileURL(join(root, entry)).href);
}
await child.runImportChild(request);
// The database driver and timers may keep the loop alive; the result is sent (send() waited for it).
process.exit(0);
