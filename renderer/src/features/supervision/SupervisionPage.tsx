/** Supervision: placeholder until the page is built. */
export function SupervisionPage() {
  return <h1 tabIndex={-1}>Supervision</h1>;
}
