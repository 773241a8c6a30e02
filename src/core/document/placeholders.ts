/**
 * Template placeholders that a render step (ecspresso, envsubst, Jinja, CI actions) fills in later. Where a
 * name pattern, number or enum is expected, such a value cannot be judged yet: it is information, not an error.
 */
const PLACEHOLDER = new RegExp(
  [
    /\$\{[^}]*\}/, // ${VAR}, ${var.name}
    /\{\{[^}]*\}\}/, // {{ must_env `X` }}, {{ .Env.X }}, {{var}}
    /<[A-Za-z][A-Za-z0-9_.-]*>/, // <TASK_NAME>
    /__[A-Za-z0-9_]+__/, // __NAME__
    /\$[A-Z][A-Z0-9_]+/, // $VAR
    /#\{[^}]*\}/, // #{Octopus.Var}
  ]
    .map((re) => re.source)
    .join('|'),
);

export function containsPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}
