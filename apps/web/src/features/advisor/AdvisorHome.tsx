export function AdvisorHome() {
  return <div>AdvisorHome</div>;
}
