export function BidPage() {
  return <div>BidPage</div>;
}
