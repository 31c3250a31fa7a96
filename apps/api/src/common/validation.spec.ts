import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_PROBLEM_CODES } from '@salkku/shared';
import { getMetadataStorage, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { DomainError } from './domain-error';
import { CONSTRAINT_PROBLEMS, createValidationPipe } from './validation';
import { MoneyField, TextField } from './validators';

class Sample {
  @TextField({ max: 5 })
  name: string;

  @MoneyField({ optional: true })
  amount?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(['a', 'b'])
  choice?: string;
}

async function problemsOf(value: unknown): Promise<DomainError> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: Sample });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the value passed validation');
}

describe('createValidationPipe problems', () => {
  it('gives each failing rule its code, with the numbers from the decorator', async () => {
    const error = await problemsOf({ name: 'too long', amount: '1,5', choice: 'c', extra: 1 });
    expect(error.problems).toEqual({
      name: [{ code: 'tooLong', params: { max: 5 } }],
      amount: [{ code: 'invalidAmount' }],
      choice: [{ code: 'notAllowed' }],
      extra: [{ code: 'unknownField' }],
    });
    // The English messages stay as class-validator wrote them.
    expect(error.details?.name).toEqual(['name must be shorter than or equal to 5 characters']);
  });

  it('reports a missing required field once, as required, keeping every message', async () => {
    const error = await problemsOf({ name: '' });
    expect(error.problems).toEqual({ name: [{ code: 'tooShort', params: { min: 1 } }] });
    const missing = await problemsOf({});
    expect(missing.problems).toEqual({ name: [{ code: 'required' }] });
    expect(missing.details?.name?.length).toBeGreaterThan(1);
  });
});

/** Constraints that are knowingly left to the fallback code `invalid` (owned elsewhere). */
const LEFT_TO_FALLBACK = new Set<string>([]);

describe('constraint table', () => {
  it('maps only to known codes', () => {
    for (const { code } of Object.values(CONSTRAINT_PROBLEMS)) expect(FIELD_PROBLEM_CODES).toContain(code);
  });

  it('has a code for every rule on every DTO', async () => {
    const modules = join(__dirname, '..', 'modules');
    const files = readdirSync(modules).flatMap((feature) => {
      const dto = join(modules, feature, 'dto');
      try {
        return readdirSync(dto)
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
          .map((f) => join(dto, f));
      } catch {
        return [];
      }
    });
    // A DTO class: whatever its constructor takes, class-validator keys its rules by it.
    const classes = new Set<abstract new (...args: never[]) => unknown>();
    for (const file of [...files, join(__dirname, 'pagination.ts'), join(__dirname, 'versioned.dto.ts')]) {
      const exported = (await import(file)) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        if (typeof value === 'function') classes.add(value as abstract new (...args: never[]) => unknown);
      }
    }
    const unmapped = new Set<string>();
    for (const target of classes) {
      for (const rule of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
        const name = rule.name ?? rule.type;
        // Conditions (IsOptional, ValidateIf) and nested/whitelist markers are not rules of their own.
        if (['conditionalValidation', 'whitelistValidation', 'nestedValidation', 'isDefined'].includes(rule.type))
          continue;
        const own = (rule.context as { problem?: string } | undefined)?.problem;
        if (!CONSTRAINT_PROBLEMS[name] && !own && !LEFT_TO_FALLBACK.has(name)) unmapped.add(`${target.name}: ${name}`);
      }
    }
    expect(classes.size).toBeGreaterThan(20);
    expect([...unmapped]).toEqual([]);
  });
});
