// How large an .xlsx (a ZIP archive) becomes once unpacked, read from its central directory without
// unpacking anything: a 5 MB upload of repeated text can hold gigabytes, which the workbook reader would
// otherwise build in memory whole. Null when the bytes are not a ZIP archive the directory can be read from.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipExpandedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const size = view.getUint32(at + 24, true);
    // ZIP64 marks sizes it cannot hold in 32 bits: more than any workbook Gatehouse takes.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
