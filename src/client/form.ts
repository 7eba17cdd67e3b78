// Labelled form fields for the sidebar's panels.
import { h } from './dom';

export function field(label: string, id: string, value: string, placeholder = '', type = 'text') {
  const input = h('input', { id, name: id, type, placeholder: placeholder || undefined, autocomplete: 'off' });
  input.value = value;
  const row = h('div', { class: 'field' }, h('label', { for: id }, label), input);
  return { row, input };
}

export function selectField(label: string, id: string, options: [string, string][], value: string) {
  const input = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v }, text)));
  input.value = value;
  const row = h('div', { class: 'field' }, h('label', { for: id }, label), input);
  return { row, input };
}

export function checkboxField(label: string, id: string, checked: boolean) {
  const input = h('input', { id, name: id, type: 'checkbox' });
  input.checked = checked;
  const row = h('div', { class: 'field check' }, input, h('label', { for: id }, label));
  return { row, input };
}
