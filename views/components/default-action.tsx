// Enter in a field clicks the form's first submit button (HTML's default button). Where a secondary
// button comes first (获取验证码 beside a code), this one goes before it: out of sight and out of
// the tab order, it makes Enter run the form's main action.

/** The action Enter in a field must run. */
export interface DefaultAction {
  name: string;
  value: string;
  label: string;
}

export function DefaultActionButton({ name, value, label }: DefaultAction) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: out of the tab order (tabindex -1); the visible button says the same to a screen reader, this one only makes Enter run it.
    <button type="submit" name={name} value={value} class="visually-hidden" tabindex={-1} aria-hidden="true" data-default-action>
      {label}
    </button>
  );
}
