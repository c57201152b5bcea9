# scripts/dotnet-env.sh - sourced by .ci/run and scripts/test.sh: a sane environment for the .NET CLI.
#
# A CI job or a cron-like runner may start with a bare PATH (no /usr/bin) or without HOME; the SDK
# may live in /usr/share/dotnet, /usr/lib/dotnet or ~/.dotnet with no link on PATH. find_dotnet puts
# the first SDK it finds on PATH and sets DOTNET_ROOT; it returns 1 when there is none.

for dir in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
    case ":${PATH:-}:" in *":$dir:"*) ;; *) PATH="${PATH:+$PATH:}$dir" ;; esac
done
export PATH
export HOME="${HOME:-$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6)}"
export HOME="${HOME:-/root}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

DOTNET_CANDIDATES=(
    "${DOTNET_ROOT:-}" /usr/share/dotnet /usr/lib/dotnet /usr/local/share/dotnet /opt/dotnet
    "$HOME/.dotnet" /root/.dotnet /usr/local/lib/dotnet
)

find_dotnet() {
    local dir
    if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        return 0
    fi
    for dir in "${DOTNET_CANDIDATES[@]}"; do
        [ -n "$dir" ] && [ -x "$dir/dotnet" ] || continue
        if "$dir/dotnet" --list-sdks 2>/dev/null | grep -q '^10\.'; then
            export DOTNET_ROOT="$dir"
            export PATH="$dir:$PATH"
            return 0
        fi
    done
    return 1
}
