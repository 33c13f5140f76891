/** Two truths: placeholder until the page is built. */
export function TwoTruthsPage() {
  return <h1 tabIndex={-1}>Two truths</h1>;
}
