/** Check-ins: placeholder until the page is built. */
export function CheckinsPage() {
  return <h1 tabIndex={-1}>Check-ins</h1>;
}
