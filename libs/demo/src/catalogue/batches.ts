import type { BatchSeed } from './types';

/** The three release conferences (榜单发布会) of 2023; 152 + 148 + 146 = 446 needs. */
export const BATCHES: BatchSeed[] = [
  {
    title: '2023年第一批关键核心技术需求榜单',
    releaseDate: '2023-03-28',
    venue: '绵阳科技城新区科创服务中心',
    defaultBidDeadline: '2023-06-15',
    size: 152,
  },
  {
    title: '2023年第二批关键核心技术需求榜单',
    releaseDate: '2023-07-18',
    venue: '绵阳高新区（科技城直管区）创新街区路演中心',
    defaultBidDeadline: '2023-09-28',
    size: 148,
  },
  {
    title: '2023年第三批关键核心技术需求榜单',
    releaseDate: '2023-11-23',
    venue: '中国（绵阳）科技城科技会展中心（第十一届中国（绵阳）科技城国际科技博览会期间）',
    defaultBidDeadline: '2024-01-31',
    size: 146,
  },
];
