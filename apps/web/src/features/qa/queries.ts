import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';

export type Question = Schema<'QuestionView'>;
export type QuestionPage = Schema<'QuestionPage'>;

/** One page of questions: the Q&A tab's label counts from the same (cached) first page. */
export const QA_PAGE_SIZE = 10;

export const qaKeys = {
  all: (demandId: string) => ['qa', demandId] as const,
  page: (demandId: string, page: number, pageSize: number) => ['qa', demandId, page, pageSize] as const,
};

/** A need's questions as the caller may see them, with what the caller may do. */
export function useQuestions(demandId: string, page = 1, pageSize = QA_PAGE_SIZE) {
  return useQuery({
    queryKey: qaKeys.page(demandId, page, pageSize),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/demands/{id}/questions', {
          params: { path: { id: demandId }, query: { page, pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Every change reloads the need's questions: visibility may change with it. */
function useQaMutation<V>(demandId: string, call: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qaKeys.all(demandId) }),
  });
}

export function useAsk(demandId: string) {
  return useQaMutation(demandId, (question: string) =>
    unwrap(api.POST('/api/v1/demands/{id}/questions', { params: { path: { id: demandId } }, body: { question } })),
  );
}

export function useAnswer(demandId: string) {
  return useQaMutation(demandId, ({ questionId, answer }: { questionId: string; answer: string }) =>
    unwrap(
      api.POST('/api/v1/demands/{id}/questions/{questionId}/answer', {
        params: { path: { id: demandId, questionId } },
        body: { answer },
      }),
    ),
  );
}

export function useHide(demandId: string) {
  return useQaMutation(demandId, ({ questionId, reason }: { questionId: string; reason: string }) =>
    unwrap(
      api.POST('/api/v1/demands/{id}/questions/{questionId}/hide', {
        params: { path: { id: demandId, questionId } },
        body: { reason },
      }),
    ),
  );
}

export function useUnhide(demandId: string) {
  return useQaMutation(demandId, (questionId: string) =>
    unwrap(
      api.POST('/api/v1/demands/{id}/questions/{questionId}/unhide', {
        params: { path: { id: demandId, questionId } },
      }),
    ),
  );
}
