/** A text field of a submitted form: '' when it is missing (a file input is never read as text). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
