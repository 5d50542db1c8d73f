import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { EnvironmentVariables } from './environment';

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const KNOWN_KEYS = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map((metadata) => metadata.propertyName),
  ),
];
const SECRET = /SECRET|PASSWORD|KEY|SMTP_URL/;

/**
 * Validates the environment once, at boot. The only place in Jiebang that reads `process.env`;
 * every error names the variable so a wrong deployment stops with a useful message.
 */
export function loadEnvironment(
  source: Readonly<Record<string, string | undefined>> = process.env,
): EnvironmentVariables {
  const picked: Record<string, string> = {};
  for (const key of KNOWN_KEYS) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(env, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => {
        const shown = SECRET.test(error.property) ? '(hidden)' : JSON.stringify(picked[error.property]);
        return `${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return env;
}
