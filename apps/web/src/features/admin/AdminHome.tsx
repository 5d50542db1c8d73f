export function AdminHome() {
  return <div>AdminHome</div>;
}
