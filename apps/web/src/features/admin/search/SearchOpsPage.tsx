import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../../shared/problems';
import { checkSearchConsistency, reindexSearch } from '../queries';
import { useElapsed } from './useElapsed';

interface OperationCardProps {
  title: string;
  description: string;
  action: string;
  running: string;
  pending: boolean;
  error: unknown;
  onRun: () => void;
  children: ReactNode;
}

/** One operation: its button, an indeterminate progress bar with the elapsed time, then its report. */
function OperationCard({ title, description, action, running, pending, error, onRun, children }: OperationCardProps) {
  const { t } = useTranslation('admin');
  const problemText = useProblemText();
  const seconds = useElapsed(pending);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{description}</Typography.Paragraph>
        <Button type="primary" loading={pending} onClick={onRun}>
          {action}
        </Button>
        {pending && (
          <div role="status" aria-live="polite">
            <Typography.Text>
              {running} {t('search.elapsed', { seconds })}
            </Typography.Text>
            <Progress percent={100} status="active" showInfo={false} aria-label={running} />
          </div>
        )}
        {!pending && error !== null && <Alert type="error" showIcon title={problemText(error)} />}
        {!pending && children}
      </Space>
    </Card>
  );
}

/** 检索运维: rebuild the need index and check it against the database. */
export function SearchOpsPage() {
  const { t } = useTranslation('admin');
  const reindex = useMutation({ mutationFn: reindexSearch });
  const consistency = useMutation({ mutationFn: checkSearchConsistency });
  const check = consistency.data;
  const drift = check ? check.missing + check.stale + check.extra : 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('search.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('search.intro')}</Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <OperationCard
            title={t('search.reindex.title')}
            description={t('search.reindex.description')}
            action={t('search.reindex.run')}
            running={t('search.reindex.running')}
            pending={reindex.isPending}
            error={reindex.error}
            onRun={() => reindex.mutate()}
          >
            {reindex.data && (
              <div role="status">
                <Alert type="success" showIcon title={t('search.reindex.done')} style={{ marginBottom: 12 }} />
                <Descriptions bordered size="small" column={1}>
                  <Descriptions.Item label={t('search.reindex.documents')}>{reindex.data.documents}</Descriptions.Item>
                  <Descriptions.Item label={t('search.reindex.seconds')}>{reindex.data.seconds}</Descriptions.Item>
                </Descriptions>
              </div>
            )}
          </OperationCard>
        </Col>
        <Col xs={24} lg={12}>
          <OperationCard
            title={t('search.consistency.title')}
            description={t('search.consistency.description')}
            action={t('search.consistency.run')}
            running={t('search.consistency.running')}
            pending={consistency.isPending}
            error={consistency.error}
            onRun={() => consistency.mutate()}
          >
            {check && (
              <div role="status">
                <Alert
                  type={drift === 0 ? 'success' : 'warning'}
                  showIcon
                  title={
                    drift === 0
                      ? t('search.consistency.ok')
                      : t('search.consistency.repaired', { count: check.repaired })
                  }
                  style={{ marginBottom: 12 }}
                />
                <Descriptions bordered size="small" column={2}>
                  {(['inDatabase', 'inIndex', 'missing', 'stale', 'extra'] as const).map((field) => (
                    <Descriptions.Item key={field} label={t(`search.consistency.${field}`)}>
                      {check[field]}
                    </Descriptions.Item>
                  ))}
                  <Descriptions.Item label={t('search.consistency.repairedCount')}>{check.repaired}</Descriptions.Item>
                </Descriptions>
              </div>
            )}
          </OperationCard>
        </Col>
      </Row>
    </Space>
  );
}
