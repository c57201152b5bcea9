#!/usr/bin/env bash
# scripts/publish.sh - publishes the console for this machine into Helpdesk.Blazor/bin/run (what scripts/run.sh runs).
#
#   Release, with ReadyToRun code: the assemblies carry precompiled native code, so a start does not wait for the JIT
#   to compile EF Core, MudBlazor, Identity and the console's own code first (issue #14's cold start: start -> login
#   page roughly halves against the plain build output). Self-contained, with the .NET and ASP.NET Core libraries and the
#   packages compiled together into one composite image: precompiled code cannot cross into another library's generic
#   types (a dictionary keyed by a DI or routing type), which a framework-dependent start compiles at run time, about
#   2,000 methods before /health answers; composite, a start takes about an eighth less. The first run takes a few minutes
#   (the whole framework is compiled); the console's own two assemblies stay out of the composite image, so a later
#   run after a change recompiles only them (about half a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dotnet-env.sh
if ! find_dotnet; then
    echo "publish.sh: the .NET 10 SDK was not found (https://dotnet.microsoft.com/download)" >&2
    exit 1
fi
dotnet publish Helpdesk.Blazor -c Release --use-current-runtime --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true \
    -o Helpdesk.Blazor/bin/run --nologo -v quiet
