import { EnumField, TextField } from './validators';
import { createValidationPipe } from './validation';
import { UpdateDto } from './versioned.dto';
import { DomainError } from './domain-error';

class CreateSample {
  @TextField({ max: 20 })
  name: string;

  @EnumField(['a', 'b'], 'SampleKind', { optional: true })
  kind?: 'a' | 'b';

  @TextField({ max: 20, optional: true })
  note?: string | null;
}

class UpdateSample extends UpdateDto(CreateSample, { required: ['name', 'kind'] }) {}

async function problemsOf(value: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: UpdateSample });
  } catch (error) {
    if (error instanceof DomainError) return error.problems;
    throw error;
  }
  return null;
}

describe('UpdateDto', () => {
  it('makes every field optional, with the optional version', async () => {
    expect(await problemsOf({})).toBeNull();
    expect(await problemsOf({ version: 3, note: 'x' })).toBeNull();
    expect(await problemsOf({ version: 0 })).toEqual({ version: [{ code: 'tooSmall', params: { min: 1 } }] });
  });

  it('refuses null for a required field, also one that is optional on create', async () => {
    expect(await problemsOf({ name: null, kind: null })).toEqual({
      name: [{ code: 'required' }],
      kind: [{ code: 'required' }],
    });
  });

  it('lets null clear an optional field and still checks the fields that are sent', async () => {
    expect(await problemsOf({ note: null })).toBeNull();
    expect(await problemsOf({ kind: 'c', note: '' })).toEqual({
      kind: [{ code: 'notAllowed' }],
      note: [{ code: 'tooShort', params: { min: 1 } }],
    });
  });

  it('leaves the create DTO as it was: null there still means "the default"', async () => {
    await expect(
      createValidationPipe().transform({ name: 'x', kind: null }, { type: 'body', metatype: CreateSample }),
    ).resolves.toMatchObject({ name: 'x', kind: null });
  });
});
