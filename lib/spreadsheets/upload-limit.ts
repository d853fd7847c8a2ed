// The largest spreadsheet the large-file import takes (GATEHOUSE_MAX_LARGE_IMPORT_MB, default 200 MB):
// refused from its Content-Length before anything is read, and again while streaming if it lies.
export function maxLargeImportBytes(env: Record<string, string | undefined> = process.env): number {
  const mb = Number(env.GATEHOUSE_MAX_LARGE_IMPORT_MB ?? 200);
  return (Number.isFinite(mb) && mb > 0 ? mb : 200) * 2 ** 20;
}
