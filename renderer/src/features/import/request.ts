/**
 * Going to Settings → Bring in a journal from elsewhere (the empty journal's first screen): the section takes
 * focus once Settings has opened. A request is spent when met.
 */
let importWanted = false;

export function requestImport(): void {
  importWanted = true;
}

export function takeImportRequest(): boolean {
  const wanted = importWanted;
  importWanted = false;
  return wanted;
}
