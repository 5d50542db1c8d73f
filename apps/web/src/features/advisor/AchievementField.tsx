import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Team } from './queries';

interface AchievementFieldProps {
  /** The chosen team, whose achievements are offered. */
  teamOrganisationId: string | undefined;
  achievements: Team['achievements'];
}

/** One of the chosen team's achievements (成果), optional: a record may link one. */
export function AchievementField({ teamOrganisationId, achievements }: AchievementFieldProps) {
  const { t } = useTranslation('advisor');
  return (
    <Form.Item name="achievementId" label={t('form.achievement')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        notFoundContent={t(teamOrganisationId ? 'form.noAchievements' : 'form.achievementNeedsTeam')}
        options={achievements.map((achievement) => ({
          value: achievement.id,
          label: t('form.achievementOption', { title: achievement.title, year: achievement.year }),
        }))}
      />
    </Form.Item>
  );
}
