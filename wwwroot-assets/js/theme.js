// The agent's colour theme: kept in a cookie that every request carries, so pages are served in it, and shown at once
// by the html element's class (theme.css holds both palettes).
export function choose(cookie, value, htmlClass, themeClasses) {
    const secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = `${cookie}=${value}; path=/; max-age=31536000; samesite=lax${secure}`;
    document.documentElement.classList.remove(...themeClasses);
    if (htmlClass) document.documentElement.classList.add(htmlClass);
}
