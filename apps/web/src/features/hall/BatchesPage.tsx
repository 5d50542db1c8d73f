export function BatchesPage() {
  return <div>BatchesPage</div>;
}
