export function DemandPage() {
  return <div>DemandPage</div>;
}
