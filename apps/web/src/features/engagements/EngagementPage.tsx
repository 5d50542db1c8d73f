export function EngagementPage() {
  return <div>EngagementPage</div>;
}
