import dayjs, { type Dayjs } from 'dayjs';
import { type Schema } from '../../../api/types';

type Indicator = Schema<'IndicatorDto'>;
export type Proposal = Omit<Schema<'CreateBidDto'>, 'submit'>;

export interface MilestoneValues {
  title?: string;
  dueDate?: Dayjs | null;
  paymentShare?: number | null;
}

export interface MemberValues {
  name?: string;
  title?: string;
  role?: string;
}

/** The bid form's store: one response row per indicator of the need, in the need's order. */
export interface BidFormValues {
  approach?: string;
  indicatorResponses: Array<{ response?: string }>;
  milestones: MilestoneValues[];
  budget?: number | null;
  durationMonths?: number | null;
  members: MemberValues[];
}

/** The same values as JSON (dates as YYYY-MM-DD), kept in sessionStorage between reloads. */
type StoredValues = Omit<BidFormValues, 'milestones'> & {
  milestones: Array<Omit<MilestoneValues, 'dueDate'> & { dueDate?: string | null }>;
};

const DATE = 'YYYY-MM-DD';

export function emptyValues(indicators: Indicator[]): BidFormValues {
  return {
    indicatorResponses: indicators.map(() => ({ response: '' })),
    milestones: [{}],
    members: [{}],
  };
}

export function valuesOfBid(bid: Schema<'BidView'>, indicators: Indicator[]): BidFormValues {
  return {
    approach: bid.approach,
    indicatorResponses: indicators.map((indicator) => ({
      response: bid.indicatorResponses.find((answer) => answer.indicator === indicator.name)?.response ?? '',
    })),
    milestones: bid.milestones.map((milestone) => ({
      title: milestone.title,
      dueDate: dayjs(milestone.dueDate),
      paymentShare: milestone.paymentShare,
    })),
    budget: bid.budget,
    durationMonths: bid.durationMonths,
    members: bid.members.map((member) => ({ ...member })),
  };
}

export function toProposal(values: BidFormValues, indicators: Indicator[]): Proposal {
  return {
    approach: values.approach ?? '',
    indicatorResponses: indicators.map((indicator, index) => ({
      indicator: indicator.name,
      response: values.indicatorResponses[index]?.response ?? '',
    })),
    milestones: values.milestones.map((milestone) => ({
      title: milestone.title ?? '',
      dueDate: milestone.dueDate ? milestone.dueDate.format(DATE) : '',
      paymentShare: milestone.paymentShare ?? 0,
    })),
    budget: values.budget ?? 0,
    durationMonths: values.durationMonths ?? 0,
    members: values.members.map((member) => ({
      name: member.name ?? '',
      title: member.title ?? '',
      role: member.role ?? '',
    })),
  };
}

/** Unsaved form text survives a reload of the tab; saved or abandoned drafts are forgotten. */
export const unsavedCopy = {
  read(key: string, indicators: Indicator[]): BidFormValues | null {
    try {
      const raw = sessionStorage.getItem(key);
      if (!raw) return null;
      const stored = JSON.parse(raw) as StoredValues;
      return {
        ...stored,
        // The need's indicators decide the rows, whatever was stored.
        indicatorResponses: indicators.map((_, index) => ({
          response: stored.indicatorResponses?.[index]?.response ?? '',
        })),
        milestones: (stored.milestones ?? []).map((milestone) => ({
          ...milestone,
          dueDate: milestone.dueDate ? dayjs(milestone.dueDate) : null,
        })),
        members: stored.members ?? [],
      };
    } catch {
      return null;
    }
  },
  write(key: string, values: BidFormValues): void {
    const stored: StoredValues = {
      ...values,
      milestones: values.milestones.map((milestone) => ({
        ...milestone,
        dueDate: milestone?.dueDate ? milestone.dueDate.format(DATE) : null,
      })),
    };
    try {
      sessionStorage.setItem(key, JSON.stringify(stored));
    } catch {
      // A full or disabled storage only loses the reload safety net, never the form itself.
    }
  },
  clear(key: string): void {
    sessionStorage.removeItem(key);
  },
};

export function unsavedKey(bidId: string | undefined, demandId: string): string {
  return bidId ? `jiebang.bidDraft.${bidId}` : `jiebang.bidDraft.new.${demandId}`;
}

export function isOpenForBids(demand: Schema<'DemandPublicView'>): boolean {
  return demand.status === 'published' && (!demand.bidDeadline || dayjs(demand.bidDeadline).isAfter(dayjs()));
}
