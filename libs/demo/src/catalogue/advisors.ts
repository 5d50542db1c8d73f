import { ENTERPRISES } from './enterprises';

/** The eight tech advisors (科技顾问); `advisor-01@jiebang.demo` is the first. */
export const ADVISOR_NAMES = ['李明远', '王思涵', '张立新', '陈雨桐', '刘建国', '杨帆', '赵静怡', '周海峰'] as const;

const PER_ADVISOR = Math.ceil(ENTERPRISES.length / ADVISOR_NAMES.length);

/** Each advisor serves a contiguous slice of the enterprises, as districts assign them. */
export function servedEnterpriseKeys(advisor: number): string[] {
  return ENTERPRISES.slice(advisor * PER_ADVISOR, (advisor + 1) * PER_ADVISOR).map((enterprise) => enterprise.key);
}

/** The advisor (index into ADVISOR_NAMES) serving an enterprise. */
export function advisorOf(enterpriseKey: string): number {
  const index = ENTERPRISES.findIndex((enterprise) => enterprise.key === enterpriseKey);
  if (index < 0) throw new Error(`No enterprise ${enterpriseKey}`);
  return Math.floor(index / PER_ADVISOR);
}
