/** Export for supervision: choose, check, preview, save. (Being built.) */
export function ExportPage() {
  return <h1 tabIndex={-1}>Export for supervision</h1>;
}
