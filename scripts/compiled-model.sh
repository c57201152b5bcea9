#!/usr/bin/env bash
# scripts/compiled-model.sh - regenerates the compiled EF model (Helpdesk.Core/Persistence/CompiledModel), which the
# console loads instead of building the model at each start. Run it after every model change (with the migration);
# CompiledModelTests fails while the committed model differs from what the code builds.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf Helpdesk.Core/Persistence/CompiledModel
dotnet tool restore >/dev/null
dotnet ef dbcontext optimize --project Helpdesk.Core --startup-project Helpdesk.Blazor \
    --output-dir Persistence/CompiledModel --namespace Helpdesk.Core.Persistence.CompiledModel
