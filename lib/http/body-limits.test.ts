import { describe, expect, it } from "vitest";
import { bodyLimitRefusal, IMPORT_ACTION_MAX_BYTES, SERVER_ACTION_MAX_BYTES } from "./body-limits";

const h = (init: Record<string, string>) => new Headers(init);

describe("request body limits", () => {
  it("refuses a server action declared over 1 MB before reading it, and says it is a server action", () => {
    expect(bodyLimitRefusal("POST", "/settings", h({ "next-action": "abc", "content-length": String(SERVER_ACTION_MAX_BYTES + 1) }))).toEqual({ status: 413, maxBytes: SERVER_ACTION_MAX_BYTES, serverAction: true });
    expect(bodyLimitRefusal("POST", "/settings", h({ "next-action": "abc", "content-length": "2048" }))).toBeNull();
  });

  it("gives the import page's action room for a snapshot and its previewed text, and no more", () => {
    expect(bodyLimitRefusal("POST", "/import", h({ "next-action": "abc", "content-length": String(IMPORT_ACTION_MAX_BYTES) }))).toBeNull();
    expect(bodyLimitRefusal("POST", "/import", h({ "next-action": "abc", "content-length": String(IMPORT_ACTION_MAX_BYTES + 1) }))).toEqual({ status: 413, maxBytes: IMPORT_ACTION_MAX_BYTES, serverAction: true });
    expect(bodyLimitRefusal("POST", "/import", h({ "content-length": String(SERVER_ACTION_MAX_BYTES + 1) }))).toMatchObject({ status: 413, maxBytes: SERVER_ACTION_MAX_BYTES });
  });

  it("refuses any other large or undeclared body, except on the API which counts its own", () => {
    expect(bodyLimitRefusal("POST", "/api/auth/callback/credentials", h({ "content-length": String(50 * 1024 * 1024) }))).toMatchObject({ status: 413, serverAction: false });
    expect(bodyLimitRefusal("POST", "/api/auth/signout", h({ "transfer-encoding": "chunked" }))).toMatchObject({ status: 411 });
    expect(bodyLimitRefusal("POST", "/api/import", h({ "content-length": String(50 * 1024 * 1024) }))).toMatchObject({ status: 413 });
    expect(bodyLimitRefusal("POST", "/api/v1/snapshots", h({ "content-length": String(10 * 1024 * 1024) }))).toBeNull();
    expect(bodyLimitRefusal("POST", "/api/importer", h({ "content-length": String(10 * 1024 * 1024) }))).toMatchObject({ status: 413 });
    // The large-file import streams and counts its own body (up to 200 MB by default).
    expect(bodyLimitRefusal("POST", "/api/import/large", h({ "content-length": String(50 * 1024 * 1024) }))).toBeNull();
    expect(bodyLimitRefusal("POST", "/api/import/larger", h({ "content-length": String(10 * 1024 * 1024) }))).toMatchObject({ status: 413 });
  });

  it("lets bodiless requests through", () => {
    expect(bodyLimitRefusal("GET", "/accounts", h({}))).toBeNull();
    expect(bodyLimitRefusal("POST", "/api/auth/signout", h({}))).toBeNull();
  });
});
