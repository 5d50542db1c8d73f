export function HallPage() {
  return <div>HallPage</div>;
}
