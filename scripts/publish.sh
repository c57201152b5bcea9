#!/usr/bin/env bash
# scripts/publish.sh - publishes the console for this machine into Helpdesk.Blazor/bin/run (what scripts/run.sh runs).
#
#   Release, framework-dependent, with ReadyToRun code: the assemblies carry precompiled native code, so a start does
#   not wait for the JIT to compile EF Core, MudBlazor, Identity and the console's own code first (issue #14's cold
#   start: start -> login page roughly halves against the plain build output). A second run redoes only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dotnet-env.sh
if ! find_dotnet; then
    echo "publish.sh: the .NET 10 SDK was not found (https://dotnet.microsoft.com/download)" >&2
    exit 1
fi
dotnet publish Helpdesk.Blazor -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o Helpdesk.Blazor/bin/run --nologo -v quiet
