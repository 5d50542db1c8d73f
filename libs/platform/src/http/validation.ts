import { applyDecorators, type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { type FieldError, platformError } from './domain-error';
import { unstorableTextFields } from './hostile-input';

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code,
      message: code === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const SCANNED: ReadonlySet<ArgumentMetadata['type']> = new Set(['body', 'query', 'param']);

/** Refuses text PostgreSQL cannot store in the body, query and path before it reaches validators or the database. */
class EdgeValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (SCANNED.has(metadata.type)) {
      const errors = unstorableTextFields(value, metadata.data ?? '');
      if (errors.length > 0) throw platformError('VALIDATION_FAILED', 'The request has invalid fields.', { errors });
    }
    return super.transform(value, metadata);
  }
}

/** Global validation: strip nothing silently — unknown fields are an error — and transform types. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      platformError('VALIDATION_FAILED', 'The request has invalid fields.', {
        errors: flattenValidationErrors(errors),
      }),
  });
}

/** May be left out, but `null` is validated (and so refused) like any other value. */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** A single nested DTO: an object (never an array, whose items would each be validated) of `type`. */
export function IsNestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsObject({ message: ({ property }) => `${property} must be an object` }),
    ValidateNested(),
    Type(type),
  );
}
