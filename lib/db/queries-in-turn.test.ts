import { describe, expect, it } from "vitest";
import { inTurn, promiseForm, queriesInTurn } from "./queries-in-turn";

/** A stand-in for a pg client: records how many queries it holds at once, answers when told to. */
function fakeClient() {
  const pending: { text: string; settle: (error?: Error) => void }[] = [];
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const client = {
    released: false,
    query(text: string): Promise<{ rows: string[] }> {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${text}`);
      return new Promise((resolve, reject) => {
        pending.push({
          text,
          settle: (error) => {
            running -= 1;
            log.push(`end ${text}`);
            if (error) reject(error);
            else resolve({ rows: [text] });
          },
        });
      });
    },
    release() {
      this.released = true;
    },
  };
  return { client, pending, log, most: () => most };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("queriesInTurn", () => {
  it("sends a query only when the one before it has been answered, in the order they were given", async () => {
    const { client, pending, log, most } = fakeClient();
    const inTurnClient = queriesInTurn(client as never) as unknown as typeof client;
    // What Prisma's interpreter does with an include inside a transaction: three relations at once.
    const answers = Promise.all([inTurnClient.query("a"), inTurnClient.query("b"), inTurnClient.query("c")]);
    await flush();
    expect(pending.map((p) => p.text)).toEqual(["a"]);
    pending[0]!.settle();
    await flush();
    expect(pending.map((p) => p.text)).toEqual(["a", "b"]);
    pending[1]!.settle();
    await flush();
    pending[2]!.settle();
    expect((await answers).map((r) => r.rows[0])).toEqual(["a", "b", "c"]);
    expect(most()).toBe(1);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("a failed query rejects its own caller only, and the next one is still sent after it", async () => {
    const { client, pending } = fakeClient();
    const inTurnClient = queriesInTurn(client as never) as unknown as typeof client;
    const first = inTurnClient.query("bad");
    const second = inTurnClient.query("next");
    await flush();
    pending[0]!.settle(new Error("relation does not exist"));
    await expect(first).rejects.toThrow("relation does not exist");
    await flush();
    expect(pending.map((p) => p.text)).toEqual(["bad", "next"]);
    pending[1]!.settle();
    await expect(second).resolves.toEqual({ rows: ["next"] });
  });

  it("two views of one client share one turn; other clients are not held up", async () => {
    const one = fakeClient();
    const other = fakeClient();
    const a = queriesInTurn(one.client as never) as unknown as typeof one.client;
    const b = queriesInTurn(one.client as never) as unknown as typeof one.client;
    const c = queriesInTurn(other.client as never) as unknown as typeof other.client;
    void a.query("a1");
    void b.query("b1");
    void c.query("c1");
    await flush();
    expect(one.pending.map((p) => p.text)).toEqual(["a1"]);
    expect(other.pending.map((p) => p.text)).toEqual(["c1"]);
  });

  it("passes everything but query through to the client itself", () => {
    const { client } = fakeClient();
    const inTurnClient = queriesInTurn(client as never) as unknown as typeof client;
    inTurnClient.release();
    expect(client.released).toBe(true);
  });

  it("a callback or a Submittable goes straight to the client, not in turn", () => {
    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => (calls.push(args), "sent") };
    const inTurnClient = queriesInTurn(client as never) as unknown as typeof client;
    const callback = () => undefined;
    expect(inTurnClient.query("SELECT 1", callback)).toBe("sent");
    const cursor = { submit: () => undefined };
    expect(inTurnClient.query(cursor)).toBe("sent");
    expect(calls).toEqual([["SELECT 1", callback], [cursor]]);
  });
});

describe("promiseForm", () => {
  it.each([
    [["SELECT 1"], true],
    [[{ text: "SELECT $1", values: [1] }], true],
    [["SELECT $1", [1]], true],
    [["SELECT 1", () => undefined], false],
    [["SELECT $1", [1], () => undefined], false],
    [[{ submit: () => undefined }], false],
  ])("%j → %s", (args, expected) => {
    expect(promiseForm(args)).toBe(expected);
  });
});

describe("inTurn", () => {
  it("runs a turn after the previous one's rejection, never before it settles", async () => {
    const order: string[] = [];
    const key = {};
    let fail!: (e: Error) => void;
    const first = inTurn(key, () => new Promise<void>((_, reject) => (fail = reject)));
    const second = inTurn(key, async () => void order.push("second ran"));
    await flush();
    expect(order).toEqual([]);
    fail(new Error("x"));
    await expect(first).rejects.toThrow("x");
    await second;
    expect(order).toEqual(["second ran"]);
  });
});
