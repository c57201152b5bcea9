// How an agent likes the ticket timeline (order, filters) is a per-browser choice, kept in localStorage.
const key = 'helpdesk.timeline';

export function load() {
    return localStorage.getItem(key);
}

export function save(value) {
    localStorage.setItem(key, value);
}
