import { CreateMatchingSchema1764288000400 } from './1764288000400-create-matching-schema';
import { CreateMatchingAttachments1767100000400 } from './1767100000400-create-matching-attachments';
import { CreateEngagementThreads1767300000400 } from './1767300000400-create-engagement-threads';
import { AttachFilesToMessages1767400000400 } from './1767400000400-attach-files-to-messages';
import { FunnelCoveringIndexes1767500000400 } from './1767500000400-funnel-covering-indexes';
import { FunnelDealIndexes1767600000400 } from './1767600000400-funnel-deal-indexes';
import { VersionAdvisorRecords1770000000400 } from './1770000000400-version-advisor-records';
import { NoBidAfterAward1770100000400 } from './1770100000400-no-bid-after-award';

export const MATCHING_MIGRATIONS = [
  CreateMatchingSchema1764288000400,
  CreateMatchingAttachments1767100000400,
  CreateEngagementThreads1767300000400,
  AttachFilesToMessages1767400000400,
  FunnelCoveringIndexes1767500000400,
  FunnelDealIndexes1767600000400,
  VersionAdvisorRecords1770000000400,
  NoBidAfterAward1770100000400,
];
