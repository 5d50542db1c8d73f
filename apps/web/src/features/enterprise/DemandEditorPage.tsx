import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Result, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/session';
import { useFormFailure } from '../../shared/problems';
import { QueryState } from '../../shared/QueryState';
import { DemandFiles } from '../files/DemandFiles';
import { DemandForm } from './DemandForm';
import { type DemandFormValues, fromDemand, NEW_DEMAND, toCreateBody, toFields } from './demandForm';
import {
  createDemand,
  type DemandFull,
  demandKeys,
  EDITABLE_STATUSES,
  submitDemand,
  updateDemand,
  useManagedDemand,
} from './queries';
import { ReturnReasons } from './ReturnReasons';

/**
 * Drafting a new need (/enterprise/demands/new, and /advisor/demands/new for an advisor writing for
 * an enterprise they serve) or editing a draft or returned one (…/demands/:id/edit).
 */
export function DemandEditorPage() {
  const { id } = useParams<{ id: string }>();
  return id ? <EditDemand id={id} /> : <DemandEditor demand={null} />;
}

function EditDemand({ id }: { id: string }) {
  const { t } = useTranslation('enterprise');
  const demand = useManagedDemand(id);
  const advisor = useSession()?.user.role === 'advisor';
  return (
    <QueryState query={demand}>
      {(data) =>
        EDITABLE_STATUSES.includes(data.status) ? (
          <DemandEditor demand={data} />
        ) : (
          <Result
            status="warning"
            title={t('editor.notEditable')}
            extra={<Link to={advisor ? '/advisor' : `/enterprise/demands/${id}`}>{t('editor.backToDemand')}</Link>}
          />
        )
      }
    </QueryState>
  );
}

interface SaveRequest {
  values: DemandFormValues;
  submit: boolean;
}

function DemandEditor({ demand }: { demand: DemandFull | null }) {
  const { t } = useTranslation('enterprise');
  const { t: tFiles } = useTranslation('files');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showFailure = useFormFailure();
  const advisor = useSession()?.user.role === 'advisor';
  // An advisor may come from one of their enterprises' rows (?organisation=…).
  const [search] = useSearchParams();
  const preselected = advisor ? search.get('organisation') : null;
  // The saved need and its version: a draft created before a failed submit is patched next time, not created twice.
  const saved = useRef(demand ? { id: demand.id, version: demand.version } : null);

  const save = useMutation({
    mutationFn: async ({ values, submit }: SaveRequest): Promise<DemandFull> => {
      const target = saved.current;
      let result = target ? await updateDemand(target, toFields(values)) : await createDemand(toCreateBody(values));
      saved.current = { id: result.id, version: result.version };
      if (submit) {
        result = await submitDemand(result.id);
        saved.current = { id: result.id, version: result.version };
      }
      return result;
    },
    onSuccess: (result, { submit }) => {
      queryClient.setQueryData(demandKeys.detail(result.id), result);
      void queryClient.invalidateQueries({ queryKey: demandKeys.all });
      void queryClient.invalidateQueries({ queryKey: demandKeys.history(result.id) });
      void message.success(t(submit ? 'editor.submitted' : 'editor.saved'));
      void navigate(advisor ? '/advisor' : `/enterprise/demands/${result.id}`);
    },
  });

  const leave = () => void navigate(advisor ? '/advisor' : demand ? `/enterprise/demands/${demand.id}` : '/enterprise');

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {demand ? t('editor.editTitle') : t(advisor ? 'editor.advisorTitle' : 'editor.createTitle')}
      </Typography.Title>
      {demand?.status === 'returned' && <ReturnReasons demandId={demand.id} />}
      <DemandForm
        initialValues={
          demand ? fromDemand(demand) : { ...NEW_DEMAND, ...(preselected ? { organisationId: preselected } : {}) }
        }
        owner={demand?.owner.name ?? null}
        chooseOrganisation={advisor && !demand}
        onSave={(form, values, submit) =>
          save.mutate(
            { values, submit },
            {
              onError: (error) => {
                showFailure(form, error);
              },
            },
          )
        }
        actions={(submitWith) => (
          <Space wrap>
            <Button type="primary" loading={save.isPending} onClick={() => submitWith(true)}>
              {t('editor.submit')}
            </Button>
            <Button loading={save.isPending} onClick={() => submitWith(false)}>
              {t('editor.saveDraft')}
            </Button>
            <Button type="text" onClick={leave}>
              {t('editor.cancel')}
            </Button>
          </Space>
        )}
      />
      <Divider />
      {demand ? (
        <DemandFiles demandId={demand.id} editable confidential />
      ) : (
        <Alert type="info" showIcon title={tFiles('need.afterSave')} />
      )}
    </Card>
  );
}
