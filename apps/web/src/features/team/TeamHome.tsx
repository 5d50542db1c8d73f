export function TeamHome() {
  return <div>TeamHome</div>;
}
