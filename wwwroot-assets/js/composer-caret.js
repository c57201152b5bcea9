// Where the caret is in the composer's text box, and putting it back after .NET inserted text there.
const box = (container) => container?.querySelector('textarea, input');

export function caret(container) {
    const field = box(container);
    return field ? field.selectionStart : -1;
}

export function placeCaret(container, position) {
    const field = box(container);
    if (!field) return;
    field.focus();
    field.setSelectionRange(position, position);
}
