// Schema stage of lint: validates one SOP's merged frontmatter and translates the errors into plain-language problems.
import { translateAjvErrors, type SchemaProblem } from '../../schema/translate.js';
import { getSopValidator } from '../../schema/validators.js';

type Validate = ReturnType<typeof getSopValidator>;
let validator: Validate | undefined;

/** Loads the validator (precompiled when the build made one, else Ajv) once per thread, before linting. */
export function prepareSopValidator(): Validate {
  validator ??= getSopValidator();
  return validator;
}

/** Translated schema problems of one SOP's merged data. */
export function schemaProblemsOf(data: unknown): SchemaProblem[] {
  const validate = prepareSopValidator();
  if (validate(data)) return [];
  return translateAjvErrors(validate.errors ?? []);
}
