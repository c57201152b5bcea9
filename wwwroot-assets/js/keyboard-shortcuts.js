// Single-key shortcuts for the console. A key typed into a field belongs to the field, and Enter on a link or button
// keeps its own meaning; everything else in `keys` is handed to .NET's OnShortcut.
const isTyping = (target) =>
    target instanceof Element &&
    (target.isContentEditable || target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);

export function listen(keys, dotnet) {
    const handler = (e) => {
        if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || !keys.includes(e.key) || isTyping(e.target)) return;
        if (e.key === 'Enter' && e.target instanceof Element && e.target.closest('a, button, [role="button"]')) return;
        e.preventDefault();
        dotnet.invokeMethodAsync('OnShortcut', e.key);
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}

export function focus(selector) {
    document.querySelector(selector)?.focus();
}

export function scrollIntoView(selector) {
    document.querySelector(selector)?.scrollIntoView({ block: 'nearest' });
}
