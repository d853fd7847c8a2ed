// The bytes of an uploaded CSV as text. Japanese Excel saves CSV in Shift_JIS (CP932) with no byte-order
// mark; others save UTF-8 with or without one. A UTF-8 BOM or bytes that are valid UTF-8 mean UTF-8;
// anything else is read as Shift_JIS (WHATWG's "shift_jis" is Windows-31J/CP932, Excel's own).

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "shift_jis";

export function decodeSpreadsheetText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "shift_jis" };
  }
}
