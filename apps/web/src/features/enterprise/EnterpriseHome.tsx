export function EnterpriseHome() {
  return <div>EnterpriseHome</div>;
}
